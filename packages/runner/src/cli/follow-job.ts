import { isTerminalState, type JobState } from '@hangar/core';
import type { ErrorBody } from '../http/http-errors.js';
import type { JobView, LogEntryView } from '../http/view-schemas.js';
import type { ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';
import { EXIT } from './exit-codes.js';

/** What to do with each event of a followed job. */
export interface FollowHandlers {
  /** A progress or user message, in order. */
  onEntry(entry: LogEntryView): void;
  /** A state change. */
  onState?(state: JobState, job: JobView): void;
}

/** How often a dropped stream is reopened before giving up. @defaultValue 5 */
const MAX_RECONNECTS = 5;

/**
 * Follows a job over server-sent events until it is terminal and returns its final view. A
 * dropped stream is reopened with `Last-Event-ID`, so no message is shown twice or lost.
 */
export async function followJob(
  api: ApiClient,
  jobId: string,
  handlers: FollowHandlers,
  signal: AbortSignal | undefined,
): Promise<JobView> {
  let lastId: string | undefined;
  let final: JobView | undefined;
  let failures = 0;
  const path = `/jobs/${encodeURIComponent(jobId)}/events`;
  for (;;) {
    let progressed = false;
    try {
      lastId = await api.stream(
        path,
        lastId,
        (message) => {
          progressed = true;
          const data = JSON.parse(message.data) as unknown;
          if (message.event === 'progress' || message.event === 'message')
            handlers.onEntry(data as LogEntryView);
          else if (message.event === 'state') {
            const { state, job } = data as { state: JobState; job: JobView };
            handlers.onState?.(state, job);
            if (isTerminalState(state)) final = job;
          } else if (message.event === 'error') {
            const { error } = data as ErrorBody;
            throw new CliError(EXIT.FAILED, error.key, error.params, {
              code: error.code,
              rendered: error.message,
            });
          }
        },
        signal,
      );
      if (final) return final;
      failures = progressed ? 0 : failures + 1;
      if (failures > MAX_RECONNECTS) throw streamLost(jobId, 'closed before the job ended');
    } catch (error) {
      if (signal?.aborted) throw error;
      // The server answered (401, 404, ...): reconnecting cannot help. A network error may pass.
      if (error instanceof CliError && error.code !== 'UNREACHABLE') throw error;
      if (final) return final;
      failures = progressed ? 1 : failures + 1;
      if (failures > MAX_RECONNECTS)
        throw error instanceof CliError ? error : streamLost(jobId, (error as Error).message);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(4000, 250 * 2 ** failures)));
    signal?.throwIfAborted();
  }
}

function streamLost(jobId: string, reason: string): CliError {
  return new CliError(EXIT.UNAVAILABLE, 'hangar.cli.streamLost', { jobId, reason }, { code: 'STREAM_LOST' });
}

import type { ServerResponse } from 'node:http';
import { isTerminalState, JobNotFoundError, type JobState, type Logger } from '@hangar/core';
import type { HangarClient } from '../client/hangar-client.js';
import type { JobChangeHub } from './change-hub.js';
import { toErrorResponse } from './http-errors.js';
import { type RenderContext, renderJob, renderLogEntry } from './render-job.js';

/** What one event stream needs. */
export interface JobEventStreamDeps {
  /** Reads the job and its log. */
  client: HangarClient;
  /** Tells the stream when the job changed. */
  hub: JobChangeHub;
  /** The job streamed. */
  jobId: string;
  /** The caller's customer: the job is re-read under it, so a stream never outlives access. */
  customerId: string;
  /** The caller's language and the mount prefix. */
  render: RenderContext;
  /** The response the events are written to. */
  raw: ServerResponse;
  /** Keep-alive comment interval. */
  heartbeatMs: number;
  /** Safety re-read interval. */
  pollMs: number;
  /** Where adapter failures are logged. */
  log: Logger;
  /** Called once when the stream ends, for whatever reason. */
  onClose: () => void;
}

/**
 * Server-sent events of one job: its log entries (`progress` for progress, `message` for the
 * rest, each with `id: <seq>` so a reconnecting client resumes with `Last-Event-ID`), a `state`
 * event on every state change carrying the job, and `end` once it is terminal, after which the
 * server closes the stream.
 */
export class JobEventStream {
  private lastState: JobState | undefined;
  private syncing = false;
  private again = false;
  private closed = false;
  private unwatch: (() => void) | undefined;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly deps: JobEventStreamDeps,
    private lastSeq: number,
  ) {}

  /** Writes the headers and the backlog, then follows the job until it ends or the client leaves. */
  async start(): Promise<void> {
    const { raw } = this.deps;
    raw.on('close', () => this.close());
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'content-language': this.deps.render.lang,
      // Stops nginx-style proxies from buffering the stream into one late chunk.
      'x-accel-buffering': 'no',
    });
    this.write('retry: 2000\n\n');
    const unwatch = await this.deps.hub.watch(this.deps.jobId, () => void this.sync());
    if (this.closed) {
      unwatch();
      return;
    }
    this.unwatch = unwatch;
    this.timers.push(setInterval(() => this.write(': keep-alive\n\n'), this.deps.heartbeatMs));
    this.timers.push(setInterval(() => void this.sync(), this.deps.pollMs));
    await this.sync();
  }

  /** Ends the stream and stops following the job; safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.unwatch?.();
    if (!this.deps.raw.writableEnded) this.deps.raw.end();
    this.deps.onClose();
  }

  // Changes arrive in bursts; one read at a time, repeated while more came in, keeps events in order.
  private async sync(): Promise<void> {
    if (this.closed) return;
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.again = false;
        await this.step();
      } while (this.again && !this.closed);
    } catch (error) {
      this.deps.log.warn(
        { err: error, jobId: this.deps.jobId },
        'Could not read the streamed job; retrying on the next change',
      );
    } finally {
      this.syncing = false;
    }
  }

  private async step(): Promise<void> {
    const { client, jobId, customerId, render } = this.deps;
    const job = await client.get(jobId, { customerId });
    if (!job) {
      const { body } = toErrorResponse(new JobNotFoundError(jobId), render.translator, render.lang, '');
      this.event('error', body);
      this.close();
      return;
    }
    // The job is read before its log: once it is terminal, its runner has flushed every message,
    // so this read of the log is complete.
    const entries = await client.getLog(jobId, { afterSeq: this.lastSeq });
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.lastSeq = entry.seq;
      this.event(
        entry.level === 'progress' ? 'progress' : 'message',
        renderLogEntry(entry, render),
        entry.seq,
      );
    }
    if (job.state !== this.lastState) {
      this.lastState = job.state;
      this.event('state', { id: job.id, state: job.state, job: renderJob(job, render) });
    }
    if (isTerminalState(job.state)) {
      this.event('end', { id: job.id, state: job.state });
      this.close();
    }
  }

  private event(name: string, data: unknown, id?: number): void {
    this.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(chunk: string): void {
    if (!this.deps.raw.writableEnded && !this.deps.raw.destroyed) this.deps.raw.write(chunk);
  }
}

import { randomUUID } from 'node:crypto';
import {
  type EnqueueRequest,
  type EnqueueResult,
  JobNotFoundError,
  type JobState,
  type ParentCondition,
} from '@hangar/core';
import { newJobRecord } from '@hangar/core/adapter';
import { decodeJob, type EncodedJob, encodeNewJob, type FlatHash } from './job-codec.js';
import { PARENT_NOT_FOUND } from './lua-enqueue.js';

/**
 * One reply of the enqueue script per job: `[1, state, createdAt, _, runAt, parentId?, parentState?,
 * condition?]` for a job it created, `[0, id, hash, leaseExpiry]` for the job an idempotency key
 * already names.
 */
export type EnqueueReply =
  | [1, JobState, string, string, string, string?, JobState?, ParentCondition?]
  | [0, string, FlatHash, string | null];

/** What the enqueue script is sent: each job's new id and field count, then its fields. */
export interface EnqueueArgs {
  readonly ids: string[];
  readonly encoded: EncodedJob[];
  readonly args: Array<string | number>;
}

/** Mints the ids of `requests` and encodes them as the enqueue script's arguments. */
export function enqueueArgs(requests: readonly EnqueueRequest[]): EnqueueArgs {
  const ids: string[] = [];
  const encoded: EncodedJob[] = [];
  const args: Array<string | number> = [requests.length];
  for (const request of requests) {
    const id = randomUUID();
    const job = encodeNewJob(request);
    ids.push(id);
    encoded.push(job);
    args.push(id, job.fields.length / 2);
    for (const field of job.fields) args.push(field);
  }
  return { ids, encoded, args };
}

/** The results of an enqueue from the script's replies: new records built locally, existing ones decoded. */
export function enqueueResults(
  requests: readonly EnqueueRequest[],
  ids: readonly string[],
  encoded: readonly EncodedJob[],
  replies: readonly EnqueueReply[],
): EnqueueResult[] {
  return replies.map((reply, i): EnqueueResult => {
    const id = ids[i] as string;
    if (reply[0] === 0) {
      const job = decodeJob(reply[2], reply[1], reply[3]);
      if (!job) throw new Error(`Job ${reply[1]} vanished while enqueueing`);
      return { id: job.id, created: false, job };
    }
    const [, state, createdAt, , runAt, parentId, parentState, condition] = reply;
    const unmet =
      parentId === undefined || parentState === undefined || condition === undefined
        ? undefined
        : { parentId, state: parentState, condition };
    const paramsJson = (encoded[i] as EncodedJob).paramsJson;
    const request = requests[i] as EnqueueRequest;
    const job = newJobRecord(request, {
      id,
      state,
      unmet,
      runAt: new Date(Number(runAt)),
      createdAt: new Date(Number(createdAt)),
      params: paramsJson === undefined ? undefined : JSON.parse(paramsJson),
      metadata: request.metadata === undefined ? undefined : JSON.parse(JSON.stringify(request.metadata)),
    });
    return { id, created: true, job };
  });
}

/** The enqueue script's refusal of a parent that does not exist, as `JobNotFoundError`. */
export function refuseMissingParent(error: unknown): never {
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith(`${PARENT_NOT_FOUND} `)) {
    throw new JobNotFoundError(message.slice(PARENT_NOT_FOUND.length + 1));
  }
  throw error;
}

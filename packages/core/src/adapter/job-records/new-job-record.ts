import type { MessageParam } from '../../i18n/translatable-string.js';
import type { JobRecord } from '../../queue/job-record.js';
import type { EnqueueRequest } from '../../queue/queue-adapter.js';
import type { JobState } from '../../state/job-state.js';
import { parentConditionUnmetErrorInfo, type UnmetParent } from '../parents/parent-gate.js';
import { requestParents } from '../parents/request-parents.js';

/** What the adapter decided, or copied, when it stored a new job. */
export interface NewJobFacts {
  /** The new job's id. */
  id: string;
  /** Enqueued, Scheduled, Awaiting, or Cancelled when a parent broke its condition (see `parentGate`). */
  state: JobState;
  /** For a Cancelled child: the parent that broke its condition, named in its errors. */
  unmet?: UnmetParent | undefined;
  /** When it may run. */
  runAt: Date;
  /** When it was stored (also its last update). */
  createdAt: Date;
  /** Its parameters, as stored (a copy of the request's). */
  params: unknown;
  /** Its labels, as stored (a copy of the request's). */
  metadata: Record<string, MessageParam> | undefined;
}

/**
 * The record of a job just stored from `request`, built without reading it back: nothing has
 * run yet; a Cancelled one (its parent did not succeed) is finished at once and says why.
 *
 * @example
 * const now = new Date();
 * const job = newJobRecord(request, {
 *   id: randomUUID(),
 *   state: request.runAt && request.runAt > now ? 'Scheduled' : 'Enqueued',
 *   runAt: request.runAt ?? now,
 *   createdAt: now,
 *   params: structuredClone(request.params),
 *   metadata: request.metadata && { ...request.metadata },
 * });
 */
export function newJobRecord(request: EnqueueRequest, facts: NewJobFacts): JobRecord {
  const cancelled = facts.state === 'Cancelled';
  const parents = requestParents(request);
  return {
    id: facts.id,
    type: request.type,
    queue: request.queue,
    params: facts.params,
    state: facts.state,
    priority: request.priority ?? 0,
    runAt: facts.runAt,
    attempts: 0,
    maxAttempts: request.maxAttempts,
    customerId: request.customerId,
    userId: request.userId,
    idempotencyKey: request.idempotencyKey,
    concurrencyKey: request.concurrencyKey,
    parentId: parents[0]?.id,
    parents,
    timeoutMs: request.timeoutMs,
    worker: undefined,
    leaseExpiresAt: undefined,
    cancelRequested: false,
    progress: undefined,
    result: undefined,
    errorInfo: cancelled && facts.unmet ? parentConditionUnmetErrorInfo(facts.unmet) : undefined,
    metadata: facts.metadata,
    createdAt: facts.createdAt,
    updatedAt: new Date(facts.createdAt),
    startedAt: undefined,
    finishedAt: cancelled ? new Date(facts.createdAt) : undefined,
  };
}

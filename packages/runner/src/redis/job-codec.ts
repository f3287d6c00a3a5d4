import type {
  EnqueueRequest,
  ErrorInfo,
  JobRecord,
  JobResult,
  JobState,
  MessageParam,
  ParentDependency,
  ProgressSnapshot,
  WorkerIdentity,
} from '@hangar/core';
import { requestParents } from '@hangar/core/adapter';
import { readyGroup } from './redis-keys.js';

/** A Redis hash as returned by HGETALL inside a script: field, value, field, value… */
export type FlatHash = readonly string[];

/**
 * The `rec` field of a job hash: what a job's record is made of that never changes after enqueue,
 * in one JSON string, so a claim reads and returns one field instead of a dozen. The scripts keep
 * their own copies of the fields they decide on (queue, priority, customer…). Numbers are JSON
 * numbers when the adapter wrote them, numeric strings when a script rebuilt the record of a job
 * stored by an earlier version.
 */
export interface StoredRecord {
  type: string;
  queue: string;
  params?: unknown;
  priority: number | string;
  maxAttempts: number | string;
  customerId?: string;
  userId?: string;
  idempotencyKey?: string;
  concurrencyKey?: string;
  parentId?: string;
  /** Every parent with its condition; a job stored with `parentId` only waits on its success. */
  parents?: ParentDependency[];
  timeoutMs?: number | string;
  metadata?: Record<string, MessageParam>;
}

/** A new job ready for the enqueue script. */
export interface EncodedJob {
  /** Field/value pairs of the job hash written as given (the script adds the ones it decides). */
  fields: string[];
  /** The parameters as stored, or undefined when there are none. */
  paramsJson: string | undefined;
}

const OPTIONAL = ['customerId', 'userId', 'idempotencyKey', 'concurrencyKey'] as const;

/**
 * The job-hash fields of a new job, as field/value pairs; only the fields that are set, so that
 * absent optional fields read back as `undefined`. The request was checked
 * (`checkEnqueueRequests`).
 */
export function encodeNewJob(request: EnqueueRequest): EncodedJob {
  const { type, queue, maxAttempts } = request;
  const priority = request.priority ?? 0;
  const typeJson = JSON.stringify(type);
  const queueJson = JSON.stringify(queue);
  let rec = `{"type":${typeJson},"queue":${queueJson},"priority":${priority},"maxAttempts":${maxAttempts}`;
  const fields = ['type', type, 'queue', queue, 'grp', readyGroup(queue, type)];
  fields.push('priority', String(priority), 'maxAttempts', String(maxAttempts));
  if (request.runAt !== undefined) {
    fields.push('runAt', String(request.runAt.getTime()));
  }
  if (request.timeoutMs !== undefined) {
    // JSON has no Infinity: a number that is not finite is kept as its string
    const t = request.timeoutMs;
    rec += `,"timeoutMs":${Number.isFinite(t) ? t : JSON.stringify(String(t))}`;
  }
  const paramsJson = JSON.stringify(request.params) as string | undefined;
  if (paramsJson !== undefined) rec += `,"params":${paramsJson}`;
  if (request.metadata !== undefined) rec += `,"metadata":${JSON.stringify(request.metadata)}`;
  for (const name of OPTIONAL) {
    const value = request[name];
    if (value === undefined) continue;
    fields.push(name, value);
    rec += `,"${name}":${JSON.stringify(value)}`;
  }
  const parents = requestParents(request);
  const [first] = parents;
  if (first !== undefined) {
    // the scripts read `parents` (and `pending`) of a child only; a job without parents has neither
    const parentsJson = JSON.stringify(parents);
    fields.push('parentId', first.id, 'parents', parentsJson);
    rec += `,"parentId":${JSON.stringify(first.id)},"parents":${parentsJson}`;
  }
  fields.push('rec', `${rec}}`);
  return { fields, paramsJson };
}

/** The unchanging part of a job's record: `rec`, or the separate fields earlier versions wrote. */
function storedRecord(h: Record<string, string>): StoredRecord {
  if (h.rec !== undefined) return JSON.parse(h.rec) as StoredRecord;
  return {
    type: h.type ?? '',
    queue: h.queue ?? '',
    params: json<unknown>(h.params),
    priority: h.priority ?? '0',
    maxAttempts: h.maxAttempts ?? '1',
    customerId: h.customerId,
    userId: h.userId,
    idempotencyKey: h.idempotencyKey,
    concurrencyKey: h.concurrencyKey,
    parentId: h.parentId,
    timeoutMs: h.timeoutMs,
    metadata: json<Record<string, MessageParam>>(h.metadata),
  };
}

/** The fields of a job's record that come from its stored record. */
export function recordFields(
  rec: StoredRecord,
): Pick<
  JobRecord,
  | 'type'
  | 'queue'
  | 'params'
  | 'priority'
  | 'maxAttempts'
  | 'customerId'
  | 'userId'
  | 'idempotencyKey'
  | 'concurrencyKey'
  | 'parentId'
  | 'parents'
  | 'timeoutMs'
  | 'metadata'
> {
  return {
    type: rec.type,
    queue: rec.queue,
    params: rec.params,
    priority: Number(rec.priority),
    maxAttempts: Number(rec.maxAttempts),
    customerId: rec.customerId,
    userId: rec.userId,
    idempotencyKey: rec.idempotencyKey,
    concurrencyKey: rec.concurrencyKey,
    parentId: rec.parentId,
    parents: rec.parents ?? (rec.parentId === undefined ? [] : [{ id: rec.parentId, on: 'success' }]),
    timeoutMs: rec.timeoutMs === undefined ? undefined : Number(rec.timeoutMs),
    metadata: rec.metadata,
  };
}

/**
 * Reads a job hash (HGETALL reply) of the job `id`; undefined when the hash is empty. The lease
 * expiry is kept in the `leases` zset, not the hash: pass its score, or let a listing append it
 * as `leaseExpiresAt`.
 */
export function decodeJob(
  flat: FlatHash | Record<string, string>,
  id: string,
  lease?: string | null,
): JobRecord | undefined {
  const h = Array.isArray(flat) ? toRecord(flat) : (flat as Record<string, string>);
  if (h.state === undefined) return undefined;
  const state = h.state as JobState;
  return {
    id,
    ...recordFields(storedRecord(h)),
    state,
    runAt: new Date(Number(h.runAt ?? 0)),
    attempts: Number(h.attempts ?? 0),
    worker: json<WorkerIdentity>(h.worker),
    // a field of that name in the hash itself is a leftover of earlier versions
    leaseExpiresAt: state === 'Processing' ? date(lease ?? h.leaseExpiresAt) : undefined,
    cancelRequested: h.cancelRequested === '1',
    progress: json<ProgressSnapshot>(h.progress),
    result: json<JobResult>(h.result),
    errorInfo: json<ErrorInfo>(h.errorInfo),
    createdAt: new Date(Number(h.createdAt ?? 0)),
    // a new job's hash has no updatedAt of its own
    updatedAt: new Date(Number(h.updatedAt ?? h.createdAt ?? 0)),
    startedAt: date(h.startedAt),
    finishedAt: date(h.finishedAt),
  };
}

function toRecord(flat: FlatHash): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
  return out;
}

/** Parses a stored JSON value; absent (undefined, null or '') reads as undefined. */
export function json<T>(raw: string | null | undefined): T | undefined {
  return raw === undefined || raw === null || raw === '' ? undefined : (JSON.parse(raw) as T);
}

/** A stored ms timestamp as a Date; absent reads as undefined. */
export function date(raw: string | null | undefined): Date | undefined {
  return raw === undefined || raw === null || raw === '' ? undefined : new Date(Number(raw));
}

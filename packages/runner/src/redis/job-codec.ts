import type {
  EnqueueRequest,
  ErrorInfo,
  JobRecord,
  JobResult,
  JobState,
  LogEntry,
  MessageParam,
  NewLogEntry,
  ProgressSnapshot,
  WorkerIdentity,
} from '@hangar/core';
import { readyGroup } from './redis-keys.js';

/** A Redis hash as returned by HGETALL inside a script: field, value, field, value… */
export type FlatHash = readonly string[];

/** A new job ready for the enqueue script. */
export interface EncodedJob {
  /** Field/value pairs of the job hash. */
  fields: string[];
  /** The parameters as stored, or undefined when there are none. */
  paramsJson: string | undefined;
}

/**
 * The job-hash fields of a new job, as field/value pairs; only the fields that are set, so that
 * absent optional fields read back as `undefined`. Throws before anything is written when the
 * request cannot be stored.
 */
export function encodeNewJob(id: string, request: EnqueueRequest): EncodedJob {
  const { type, queue, maxAttempts } = request;
  if (typeof type !== 'string' || type === '') throw new TypeError('Job type must be a non-empty string');
  if (typeof queue !== 'string' || queue === '')
    throw new TypeError(`Queue of job type "${type}" must be a non-empty string`);
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts of job type "${type}" must be a positive integer, got ${maxAttempts}`);
  }
  const priority = request.priority ?? 0;
  if (!Number.isFinite(priority))
    throw new RangeError(`Priority of job type "${type}" must be a finite number`);
  const fields = ['id', id, 'type', type, 'queue', queue, 'grp', readyGroup(queue, type)];
  fields.push('priority', String(priority), 'maxAttempts', String(maxAttempts));
  if (request.runAt !== undefined) {
    const runAt = request.runAt.getTime();
    if (!Number.isFinite(runAt)) throw new RangeError(`runAt of job type "${type}" is an invalid date`);
    fields.push('runAt', String(runAt));
  }
  if (request.timeoutMs !== undefined) {
    if (!(request.timeoutMs > 0)) throw new RangeError(`timeoutMs of job type "${type}" must be positive`);
    fields.push('timeoutMs', String(request.timeoutMs));
  }
  const paramsJson = JSON.stringify(request.params) as string | undefined;
  if (paramsJson !== undefined) fields.push('params', paramsJson);
  if (request.metadata !== undefined) fields.push('metadata', JSON.stringify(request.metadata));
  const optional = ['customerId', 'userId', 'idempotencyKey', 'concurrencyKey', 'parentId'] as const;
  for (const name of optional) {
    const value = request[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new TypeError(`${name} of job type "${type}" must be a string`);
    fields.push(name, value);
  }
  return { fields, paramsJson };
}

/** The record of a job just created by the enqueue script, built without reading it back. */
export function newJobRecord(
  id: string,
  request: EnqueueRequest,
  encoded: EncodedJob,
  reply: { state: JobState; createdAt: number; runAt: number },
): JobRecord {
  const at = reply.createdAt;
  return {
    id,
    type: request.type,
    queue: request.queue,
    params: encoded.paramsJson === undefined ? undefined : JSON.parse(encoded.paramsJson),
    state: reply.state,
    priority: request.priority ?? 0,
    runAt: new Date(reply.runAt),
    attempts: 0,
    maxAttempts: request.maxAttempts,
    customerId: request.customerId,
    userId: request.userId,
    idempotencyKey: request.idempotencyKey,
    concurrencyKey: request.concurrencyKey,
    parentId: request.parentId,
    timeoutMs: request.timeoutMs,
    worker: undefined,
    leaseExpiresAt: undefined,
    cancelRequested: false,
    progress: undefined,
    result: undefined,
    errorInfo:
      reply.state === 'Cancelled' && request.parentId !== undefined
        ? parentFailed(request.parentId)
        : undefined,
    metadata: request.metadata === undefined ? undefined : JSON.parse(JSON.stringify(request.metadata)),
    createdAt: new Date(at),
    updatedAt: new Date(at),
    startedAt: undefined,
    finishedAt: reply.state === 'Cancelled' ? new Date(at) : undefined,
  };
}

/** The errors the scripts record on a child whose parent did not succeed. */
function parentFailed(parentId: string): ErrorInfo {
  return [
    { code: 'PARENT_FAILED', key: 'hangar.error.parentFailed', params: { parentId }, severity: 'error' },
  ];
}

/**
 * Reads a job hash (HGETALL reply); undefined when the hash is empty. The lease expiry is kept in
 * the `leases` zset, not the hash: pass its score, or let a listing append it as `leaseExpiresAt`.
 */
export function decodeJob(
  flat: FlatHash | Record<string, string>,
  lease?: string | null,
): JobRecord | undefined {
  const h = Array.isArray(flat) ? toRecord(flat) : (flat as Record<string, string>);
  const id = h.id;
  if (id === undefined) return undefined;
  const state = (h.state ?? 'Enqueued') as JobState;
  return {
    id,
    type: h.type ?? '',
    queue: h.queue ?? '',
    params: json<unknown>(h.params),
    state,
    priority: Number(h.priority ?? 0),
    runAt: new Date(Number(h.runAt ?? 0)),
    attempts: Number(h.attempts ?? 0),
    maxAttempts: Number(h.maxAttempts ?? 1),
    customerId: h.customerId,
    userId: h.userId,
    idempotencyKey: h.idempotencyKey,
    concurrencyKey: h.concurrencyKey,
    parentId: h.parentId,
    timeoutMs: num(h.timeoutMs),
    worker: json<WorkerIdentity>(h.worker),
    // a field of that name in the hash itself is a leftover of earlier versions
    leaseExpiresAt: state === 'Processing' ? date(lease ?? h.leaseExpiresAt) : undefined,
    cancelRequested: h.cancelRequested === '1',
    progress: json<ProgressSnapshot>(h.progress),
    result: json<JobResult>(h.result),
    errorInfo: json<ErrorInfo>(h.errorInfo),
    metadata: json<Record<string, MessageParam>>(h.metadata),
    createdAt: new Date(Number(h.createdAt ?? 0)),
    updatedAt: new Date(Number(h.updatedAt ?? 0)),
    startedAt: date(h.startedAt),
    finishedAt: date(h.finishedAt),
  };
}

/**
 * Positions of the job-hash fields in a claimed job's reply: the claim script's `CLAIM_FIELDS`,
 * then the id. Keep both in step.
 */
const Claimed = {
  attempts: 1,
  concurrencyKey: 2,
  customerId: 3,
  queue: 5,
  type: 6,
  params: 7,
  priority: 8,
  runAt: 9,
  maxAttempts: 10,
  userId: 11,
  idempotencyKey: 12,
  parentId: 13,
  timeoutMs: 14,
  progress: 15,
  errorInfo: 16,
  metadata: 17,
  createdAt: 18,
  id: 19,
} as const;

type ClaimedValues = ReadonlyArray<string | null>;

/**
 * The records of the jobs a claim script call took: its reply is the start time and the lease
 * expiry, then per job its fields as read before the take, then its id. The worker and the fields
 * the take wrote are known, so they are not read back.
 */
export function decodeClaimReply(
  reply: ReadonlyArray<string | ClaimedValues>,
  worker: WorkerIdentity,
): JobRecord[] {
  const out: JobRecord[] = [];
  if (reply.length <= 2) return out;
  const startedAt = Number(reply[0]);
  const lease = Number(reply[1]);
  for (let i = 2; i < reply.length; i++) {
    const v = reply[i] as ClaimedValues;
    out.push({
      id: v[Claimed.id] as string,
      type: v[Claimed.type] ?? '',
      queue: v[Claimed.queue] ?? '',
      params: json<unknown>(v[Claimed.params]),
      state: 'Processing',
      priority: Number(v[Claimed.priority] ?? 0),
      runAt: new Date(Number(v[Claimed.runAt] ?? 0)),
      attempts: Number(v[Claimed.attempts] ?? 0) + 1,
      maxAttempts: Number(v[Claimed.maxAttempts] ?? 1),
      customerId: v[Claimed.customerId] ?? undefined,
      userId: v[Claimed.userId] ?? undefined,
      idempotencyKey: v[Claimed.idempotencyKey] ?? undefined,
      concurrencyKey: v[Claimed.concurrencyKey] ?? undefined,
      parentId: v[Claimed.parentId] ?? undefined,
      timeoutMs: num(v[Claimed.timeoutMs]),
      worker: { ...worker },
      leaseExpiresAt: new Date(lease),
      cancelRequested: false,
      progress: json<ProgressSnapshot>(v[Claimed.progress]),
      result: undefined,
      errorInfo: json<ErrorInfo>(v[Claimed.errorInfo]),
      metadata: json<Record<string, MessageParam>>(v[Claimed.metadata]),
      createdAt: new Date(Number(v[Claimed.createdAt] ?? 0)),
      updatedAt: new Date(startedAt),
      startedAt: new Date(startedAt),
      finishedAt: undefined,
    });
  }
  return out;
}

/** A log entry as stored (JSON with `at` as an ISO string) back to a `LogEntry`. */
export function decodeLogEntry(raw: string): LogEntry {
  const stored = JSON.parse(raw) as Omit<LogEntry, 'at'> & { at: string };
  return { ...stored, at: new Date(stored.at) };
}

/** A log entry as the append script expects it: a JSON object without `seq`. */
export function encodeLogEntry(entry: NewLogEntry): string {
  const { at, ...rest } = entry;
  return JSON.stringify({ at: at.toISOString(), ...rest });
}

/** The progress snapshot the last progress entry of a batch leaves on the job, or ''. */
export function progressOf(entries: readonly NewLogEntry[]): string {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e?.level !== 'progress') continue;
    const snapshot: ProgressSnapshot = { message: e.message };
    if (e.current !== undefined) snapshot.current = e.current;
    if (e.total !== undefined) snapshot.total = e.total;
    return JSON.stringify(snapshot);
  }
  return '';
}

function toRecord(flat: FlatHash): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
  return out;
}

function json<T>(raw: string | null | undefined): T | undefined {
  return raw === undefined || raw === null ? undefined : (JSON.parse(raw) as T);
}

function num(raw: string | null | undefined): number | undefined {
  return raw === undefined || raw === null ? undefined : Number(raw);
}

function date(raw: string | null | undefined): Date | undefined {
  return raw === undefined || raw === null ? undefined : new Date(Number(raw));
}

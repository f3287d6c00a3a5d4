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

/** Reads a job hash (HGETALL reply); undefined when the hash is empty. */
export function decodeJob(flat: FlatHash | Record<string, string>): JobRecord | undefined {
  const h = Array.isArray(flat) ? toRecord(flat) : (flat as Record<string, string>);
  const id = h.id;
  if (id === undefined) return undefined;
  return {
    id,
    type: h.type ?? '',
    queue: h.queue ?? '',
    params: json<unknown>(h.params),
    state: (h.state ?? 'Enqueued') as JobState,
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
    leaseExpiresAt: date(h.leaseExpiresAt),
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

/** The job-hash fields the claim script returns per job, in its order (its `CLAIM_FIELDS`). */
const CLAIMED_FIELDS = [
  'state',
  'attempts',
  'concurrencyKey',
  'customerId',
  'queue',
  'type',
  'params',
  'priority',
  'runAt',
  'maxAttempts',
  'userId',
  'idempotencyKey',
  'parentId',
  'timeoutMs',
  'progress',
  'result',
  'errorInfo',
  'metadata',
  'createdAt',
  'finishedAt',
] as const;

type ClaimedField = (typeof CLAIMED_FIELDS)[number];

/**
 * The record of a job the claim script just took: the values of its `CLAIM_FIELDS` (null when
 * absent), then id, start time and lease expiry. The worker and the fields the take wrote are
 * known, so they are not read back.
 */
export function decodeClaimed(reply: ReadonlyArray<string | null>, worker: WorkerIdentity): JobRecord {
  const h: Partial<Record<ClaimedField, string>> = {};
  for (let i = 0; i < CLAIMED_FIELDS.length; i++) {
    const value = reply[i];
    if (value !== null && value !== undefined) h[CLAIMED_FIELDS[i] as ClaimedField] = value;
  }
  const n = CLAIMED_FIELDS.length;
  const startedAt = Number(reply[n + 1]);
  return {
    id: reply[n] as string,
    type: h.type ?? '',
    queue: h.queue ?? '',
    params: json<unknown>(h.params),
    state: 'Processing',
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
    worker: { ...worker },
    leaseExpiresAt: new Date(Number(reply[n + 2])),
    cancelRequested: false,
    progress: json<ProgressSnapshot>(h.progress),
    result: json<JobResult>(h.result),
    errorInfo: json<ErrorInfo>(h.errorInfo),
    metadata: json<Record<string, MessageParam>>(h.metadata),
    createdAt: new Date(Number(h.createdAt ?? 0)),
    updatedAt: new Date(startedAt),
    startedAt: new Date(startedAt),
    finishedAt: date(h.finishedAt),
  };
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

function json<T>(raw: string | undefined): T | undefined {
  return raw === undefined ? undefined : (JSON.parse(raw) as T);
}

function num(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : Number(raw);
}

function date(raw: string | undefined): Date | undefined {
  return raw === undefined ? undefined : new Date(Number(raw));
}

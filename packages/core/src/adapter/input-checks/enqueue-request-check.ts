import { ConfigurationError } from '../../errors/configuration-error.js';
import { ParamsValidationError } from '../../errors/params-validation-error.js';
import { PARENT_CONDITION_STATES } from '../../queue/parent-dependency.js';
import type { EnqueueRequest } from '../../queue/queue-adapter.js';
import { findUnstorableText, unstorableTextProblem } from './storable-text.js';

/** Largest priority and attempt count every adapter can store (a PostgreSQL `integer`). */
export const MAX_INT32 = 2_147_483_647;

/**
 * Whether every adapter can store `n` as a job's attempt count.
 *
 * @example
 * isStorableAttempts(3); // true
 * isStorableAttempts(2 ** 31); // false: more than a PostgreSQL integer holds
 */
export function isStorableAttempts(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_INT32;
}

/**
 * Whether every adapter can store `ms` as an attempt timeout: a positive whole number or Infinity.
 *
 * @example
 * isStorableTimeout(Number.POSITIVE_INFINITY); // true
 * isStorableTimeout(1.5); // false
 */
export function isStorableTimeout(ms: number): boolean {
  return ms === Number.POSITIVE_INFINITY || (Number.isSafeInteger(ms) && ms > 0);
}

/** Most parents one job may wait on: a fan-in wider than this is better joined in steps. */
export const MAX_PARENTS = 1000;

const CONDITIONS: readonly string[] = Object.keys(PARENT_CONDITION_STATES);

/** Optional fields that are stored as text when present. */
const TEXT_FIELDS = ['customerId', 'userId', 'idempotencyKey', 'concurrencyKey', 'parentId'] as const;

/** Fields stored as text, checked for characters no adapter can store. */
const STORED_TEXT_FIELDS = ['type', 'queue', ...TEXT_FIELDS] as const;

const UNSTORABLE = 'which no queue can store';

/**
 * Throws `ConfigurationError` naming the field of the first request that no adapter could store
 * as given, before anything of the batch is written. The client checks what users pass; this
 * guards the adapters against direct callers, so that every backend refuses the same input
 * with the same error instead of a driver's or a script's own.
 *
 * Text anywhere in a request (its fields, its params and their keys, its metadata) must hold no
 * NUL character and no lone UTF-16 surrogate, which PostgreSQL cannot store: a bad params field
 * is `ParamsValidationError` whose issue has the field's path (`items.2.name`), a bad metadata
 * label `ConfigurationError` naming `metadata.<label>`. `parents` is an array of at most
 * {@link MAX_PARENTS} distinct ids with a known condition, and not given with `parentId`.
 *
 * @example
 * async enqueueMany(requests: readonly EnqueueRequest[]): Promise<EnqueueResult[]> {
 *   checkEnqueueRequests(requests); // throws before the first job of the batch is written
 *   // …look parents up, then store every request
 * }
 */
export function checkEnqueueRequests(requests: readonly EnqueueRequest[]): void {
  requests.forEach((request, index) => {
    const where = requests.length > 1 ? ` (request ${index + 1} of ${requests.length})` : '';
    const fail = (field: string, problem: string): never => {
      throw new ConfigurationError(field, `${problem}${where}`);
    };
    const { type, queue, priority, maxAttempts, runAt, timeoutMs } = request;
    if (typeof type !== 'string' || type === '') fail('type', 'must be a non-empty string');
    const of = `of job type ${JSON.stringify(type)}`;
    if (typeof queue !== 'string' || queue === '') fail('queue', `${of} must be a non-empty string`);
    if (priority !== undefined && !(Number.isInteger(priority) && Math.abs(priority) <= MAX_INT32)) {
      fail('priority', `${of} must be an integer between -${MAX_INT32} and ${MAX_INT32}, got ${priority}`);
    }
    if (!isStorableAttempts(maxAttempts)) {
      fail('maxAttempts', `${of} must be an integer from 1 to ${MAX_INT32}, got ${maxAttempts}`);
    }
    if (runAt !== undefined && !(runAt instanceof Date && Number.isFinite(runAt.getTime()))) {
      fail('runAt', `${of} must be a valid Date, got ${String(runAt)}`);
    }
    if (timeoutMs !== undefined && !isStorableTimeout(timeoutMs)) {
      fail('timeoutMs', `${of} must be a positive whole number of ms (or Infinity), got ${timeoutMs}`);
    }
    for (const field of TEXT_FIELDS) {
      const value = request[field];
      if (value !== undefined && typeof value !== 'string')
        fail(field, `${of} must be a string, got ${typeof value}`);
    }
    for (const field of STORED_TEXT_FIELDS) {
      const value = request[field];
      const problem = value === undefined ? undefined : unstorableTextProblem(value);
      if (problem !== undefined) fail(field, `${of} ${problem}, ${UNSTORABLE}`);
    }
    if (request.parents !== undefined) parentsProblem(request, of, fail);
    const inParams = findUnstorableText(request.params);
    if (inParams) {
      const message = `${inParams.problem}, ${UNSTORABLE}${where}`;
      throw new ParamsValidationError(type, [{ path: inParams.path, message, code: 'unstorable_text' }]);
    }
    const inMetadata = findUnstorableText(request.metadata);
    if (inMetadata) fail(`metadata.${inMetadata.path}`, `${of} ${inMetadata.problem}, ${UNSTORABLE}`);
  });
}

/** Fails naming `parents` (or `parents.<n>.id`/`.on`) for parents no adapter can store as given. */
function parentsProblem(
  request: EnqueueRequest,
  of: string,
  fail: (field: string, problem: string) => never,
): void {
  const { parents, parentId } = request;
  if (!Array.isArray(parents)) fail('parents', `${of} must be an array, got ${typeof parents}`);
  if (parentId !== undefined) {
    fail(
      'parents',
      `${of} cannot be given with parentId (parentId ${JSON.stringify(parentId)} is the one-parent shorthand)`,
    );
  }
  if (parents.length > MAX_PARENTS) {
    fail('parents', `${of} may name at most ${MAX_PARENTS} parents, got ${parents.length}`);
  }
  const seen = new Set<string>();
  parents.forEach((parent: unknown, n) => {
    const at = `parents.${n}`;
    const { id, on } = (typeof parent === 'object' && parent !== null ? parent : {}) as Record<
      string,
      unknown
    >;
    if (typeof id !== 'string' || id === '') fail(`${at}.id`, `${of} must be a non-empty string`);
    const problem = unstorableTextProblem(id);
    if (problem !== undefined) fail(`${at}.id`, `${of} ${problem}, ${UNSTORABLE}`);
    if (on !== undefined && !(typeof on === 'string' && CONDITIONS.includes(on))) {
      fail(`${at}.on`, `${of} must be one of ${CONDITIONS.join(', ')}, got ${JSON.stringify(on)}`);
    }
    if (seen.has(id)) fail(`${at}.id`, `${of} names parent ${JSON.stringify(id)} twice`);
    seen.add(id);
  });
}

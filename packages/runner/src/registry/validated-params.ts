/**
 * Most jobs remembered at once. A job enqueued here but run by another process is never taken
 * back, so the oldest entries go first; a job whose entry went is simply validated again.
 */
const MAX_REMEMBERED = 100_000;

/**
 * The parameters a client validated against its registry, by job id, so that a runner on the
 * same registry does not validate them a second time.
 *
 * Trust rule: the runner skips its validation only when (1) this process enqueued the job
 * through a client on the very registry the runner runs it with (so the same definition and
 * schema), and (2) the parameters it claimed from the queue are still equal, value for value,
 * to what that validation returned. Nothing read from the store alone is trusted: a job enqueued
 * by another process or straight through the adapter, a record edited in the store, and any
 * later attempt are validated as before.
 */
export class ValidatedParams {
  private readonly entries = new Map<string, unknown>();
  private readers = 0;

  /**
   * A runner on this registry starts (`true`) or stops (`false`) reading the entries; with no
   * runner, as in a process that only enqueues, nothing is remembered.
   */
  setReading(reading: boolean): void {
    this.readers = Math.max(0, this.readers + (reading ? 1 : -1));
    if (this.readers === 0) this.entries.clear();
  }

  /** Remembers the parameters validated for a job just enqueued. */
  remember(jobId: string, params: unknown): void {
    if (this.readers === 0) return;
    if (this.entries.size >= MAX_REMEMBERED) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(jobId, params);
  }

  /**
   * Whether `params`, claimed for `jobId`, are what this process validated for it; forgets the
   * job either way, so only its first attempt here can skip validation.
   */
  take(jobId: string, params: unknown): boolean {
    if (this.entries.size === 0) return false;
    const validated = this.entries.get(jobId);
    if (validated === undefined) return false;
    this.entries.delete(jobId);
    return sameValue(validated, params);
  }
}

/**
 * Deep equality of JSON-shaped values and Dates, as a store gives them back: a value a store
 * cannot keep as it was (a Map, a class instance) is never equal, so it is validated again.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  // Counted with for…in rather than compared through Object.keys: no key arrays per job. A plain
  // object (checked above) inherits no enumerable key, so for…in sees its own keys only.
  let keys = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
    keys += 1;
  }
  for (const _ in b) keys -= 1;
  return keys === 0;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

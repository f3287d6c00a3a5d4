import type { TranslatableString } from '../i18n/translatable-string.js';

const MARKER = Symbol.for('hangar.error');

/** Parameters of a translatable error message. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | null>>;

/** Options accepted by every Hangar error. */
export interface HangarErrorOptions {
  /** Parameters for the message key. */
  params?: ErrorParams;
  /** The underlying error. */
  cause?: unknown;
  /** Whether the runner may retry the job after this error. @defaultValue true */
  retryable?: boolean;
}

/**
 * Base class of every error Hangar throws: a stable string `code`, a translation `key` with
 * `params`, and the `cause`. `HangarError.isInstance` works across two copies of the package,
 * where `instanceof` does not.
 */
export class HangarError extends Error {
  /** Stable machine-readable code, e.g. `JOB_NOT_FOUND`. */
  readonly code: string;
  /** Translation key of the user-facing message. */
  readonly key: string;
  /** Parameters of the message key. */
  readonly params: ErrorParams;
  /** Whether retrying may help. */
  readonly retryable: boolean;
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read through the symbol by isInstance, across package copies
  private readonly [MARKER] = true;

  constructor(code: string, key: string, message: string, options: HangarErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.key = key;
    this.params = options.params ?? {};
    this.retryable = options.retryable ?? true;
  }

  /** True for any Hangar error, from whichever copy of the package it came. */
  static isInstance(value: unknown): value is HangarError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }

  /** The message as a translatable string. */
  toTranslatable(): TranslatableString {
    return { key: this.key, params: { ...this.params } };
  }

  /** Plain JSON form, for logs and HTTP responses. */
  toJSON(): { code: string; key: string; params: ErrorParams; message: string } {
    return { code: this.code, key: this.key, params: this.params, message: this.message };
  }
}

/** True when `err` is a Hangar error with the given code. */
export function hasErrorCode(err: unknown, code: string): boolean {
  return HangarError.isInstance(err) && err.code === code;
}

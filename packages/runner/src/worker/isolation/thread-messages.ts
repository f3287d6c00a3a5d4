import {
  type ErrorInfo,
  type ErrorParams,
  errorInfoFromError,
  HangarError,
  type LockOptions,
  type OutputFile,
  type ProgressCounts,
  type TranslatableString,
} from '@hangar/core';

/** What the runner hands an isolated job's thread for one attempt: all of it structured-cloneable. */
export interface ThreadStart {
  /** URL of the module exporting the definition (or a plugin holding it). */
  module: string;
  /** Job type to find in it. */
  type: string;
  /** Parameters, already validated by the runner. */
  params: unknown;
  /** The context fields that are plain data. */
  job: { jobId: string; attempt: number; customerId: string | undefined; userId: string | undefined };
  /** The runner services listed in `shareWithWorker`, by token name. */
  shared: Array<[string, unknown]>;
}

/** An error as it crosses the thread boundary: structured clone keeps only name and message. */
export interface SerializedError {
  name: string;
  message: string;
  stack: string | undefined;
  /** Set for Hangar errors, which are rebuilt as such (their code, key and retryability kept). */
  hangar: { code: string; key: string; params: ErrorParams; retryable: boolean } | undefined;
  /** ErrorInfo of the error, computed where it was thrown (a job may attach detailed entries). */
  errorInfo: ErrorInfo;
}

/** Runner → thread. */
export type ToThread =
  | { kind: 'run'; start: ThreadStart }
  | { kind: 'stop'; error: SerializedError }
  | { kind: 'lock-result'; id: number; error: SerializedError | undefined };

/** Thread → runner. */
export type FromThread =
  | {
      kind: 'log';
      level: 'progress' | 'info' | 'warning' | 'error';
      message: TranslatableString;
      counts: ProgressCounts | undefined;
    }
  | {
      kind: 'logger';
      level: 'debug' | 'info' | 'warn' | 'error';
      fields: Record<string, unknown>;
      msg: string | undefined;
    }
  | { kind: 'output-file'; file: OutputFile }
  | { kind: 'lock'; id: number; name: string; options: LockOptions | undefined }
  | { kind: 'unlock'; id: number }
  | { kind: 'done'; value: unknown }
  | { kind: 'failed'; error: SerializedError };

/** The error in a form that survives `postMessage`. */
export function serializeError(error: unknown, type: string): SerializedError {
  const detailed = (error as { errorInfo?: unknown } | null)?.errorInfo;
  const errorInfo =
    Array.isArray(detailed) && detailed.length > 0
      ? (detailed as ErrorInfo)
      : [errorInfoFromError(error, type)];
  const base = error instanceof Error ? error : new Error(String(error));
  return {
    name: base.name,
    message: base.message,
    stack: base.stack,
    hangar: HangarError.isInstance(error)
      ? { code: error.code, key: error.key, params: error.params, retryable: error.retryable }
      : undefined,
    errorInfo,
  };
}

/** Rebuilds an error sent across the boundary: a Hangar error stays one, with its ErrorInfo. */
export function deserializeError(serialized: SerializedError): Error {
  const { hangar } = serialized;
  const error = hangar
    ? new HangarError(hangar.code, hangar.key, serialized.message, {
        params: hangar.params,
        retryable: hangar.retryable,
      })
    : new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return Object.assign(error, { errorInfo: serialized.errorInfo });
}

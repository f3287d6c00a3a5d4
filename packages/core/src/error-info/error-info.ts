import { HangarError } from '../errors/hangar-error.js';
import type { MessageParam, TranslatableString } from '../i18n/translatable-string.js';

/** How serious one entry of an ErrorInfo is. */
export type Severity = 'error' | 'warning' | 'info';

/** One structured error, warning or notice. */
export interface ErrorInfoEntry {
  /** Stable machine-readable code. */
  code: string;
  /** Translation key of the message. */
  key: string;
  /** Parameters of the message. */
  params: Record<string, MessageParam>;
  /** How serious it is. */
  severity: Severity;
  /** Where it came from: a job type, a step, a stored procedure, a file and row. */
  source?: string;
}

/** An ordered list of structured errors, as kept on a job and returned to callers. */
export type ErrorInfo = ErrorInfoEntry[];

/** Builds an ErrorInfo entry from any thrown value. */
export function errorInfoFromError(err: unknown, source?: string): ErrorInfoEntry {
  if (HangarError.isInstance(err)) {
    const entry: ErrorInfoEntry = {
      code: err.code,
      key: err.key,
      params: { ...err.params },
      severity: 'error',
    };
    if (source !== undefined) entry.source = source;
    return entry;
  }
  const message = err instanceof Error ? err.message : String(err);
  const entry: ErrorInfoEntry = {
    code: 'UNEXPECTED',
    key: 'hangar.error.unexpected',
    params: { message },
    severity: 'error',
  };
  if (source !== undefined) entry.source = source;
  return entry;
}

/** The entry as a translatable string. */
export function errorInfoMessage(entry: ErrorInfoEntry): TranslatableString {
  return { key: entry.key, params: entry.params };
}

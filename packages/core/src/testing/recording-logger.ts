import type { LogFields, Logger } from '../logger/logger.js';

/** One entry a `recordingLogger` kept. */
export interface RecordedLogEntry {
  /** Its level. */
  level: 'debug' | 'info' | 'warn' | 'error';
  /** Its structured fields (empty for a message-only call). */
  fields: LogFields;
  /** Its message. */
  msg: string | undefined;
}

/** A logger that keeps every entry (its children's too) in `entries`, for tests that read what was logged. */
export function recordingLogger(): Logger & { readonly entries: RecordedLogEntry[] } {
  const entries: RecordedLogEntry[] = [];
  const at =
    (level: RecordedLogEntry['level']) =>
    (fields: LogFields | string, msg?: string): void => {
      if (typeof fields === 'string') entries.push({ level, fields: {}, msg: fields });
      else entries.push({ level, fields, msg });
    };
  const logger = {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

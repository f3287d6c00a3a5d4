/** Structured log fields. */
export type LogFields = Record<string, unknown>;

/** Log method compatible with pino: `log(fields, msg)` or `log(msg)`. */
export interface LogFn {
  (fields: LogFields, msg?: string): void;
  (msg: string): void;
}

/** The pino-compatible subset of a logger that Hangar uses; a pino logger fits as is. */
export interface Logger {
  /** Debug-level entry. */
  debug: LogFn;
  /** Info-level entry. */
  info: LogFn;
  /** Warning-level entry. */
  warn: LogFn;
  /** Error-level entry. */
  error: LogFn;
  /** A logger that adds `bindings` to every entry. */
  child(bindings: LogFields): Logger;
}

const noop: LogFn = () => {};

/** A logger that discards everything. */
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};

import type { LogFields, Logger } from '@hangar/core';

const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;

/** A level of {@link stderrLogger}. */
export type StderrLogLevel = keyof typeof LEVELS;

/** An error as plain JSON fields (an `Error`'s own properties do not survive `JSON.stringify`). */
function errorFields(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message: value.message,
    ...(code === undefined ? {} : { code }),
    stack: value.stack,
  };
}

/**
 * A small JSON-lines logger on stderr, entries at `level` and above: `{"level":"warn","time":...,
 * "msg":...,...fields}`. The runner's default, so an embedded runner given no logger still says
 * when jobs fail or a worker hits an error, without depending on a logging library.
 */
export function stderrLogger(
  level: StderrLogLevel = 'warn',
  bindings: LogFields = {},
  stream: NodeJS.WritableStream = process.stderr,
): Logger {
  const threshold = LEVELS[level];
  const at = (name: StderrLogLevel) => (fieldsOrMsg: LogFields | string, msg?: string) => {
    if (LEVELS[name] < threshold) return;
    const fields = typeof fieldsOrMsg === 'string' ? {} : fieldsOrMsg;
    const text = typeof fieldsOrMsg === 'string' ? fieldsOrMsg : msg;
    const entry: LogFields = { level: name, time: new Date().toISOString(), ...bindings, ...fields };
    if ('err' in entry) entry.err = errorFields(entry.err);
    if ('error' in entry) entry.error = errorFields(entry.error);
    if (text !== undefined) entry.msg = text;
    stream.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => stderrLogger(level, { ...bindings, ...more }, stream),
  };
}

import type { Logger } from '@hangar/core';
import { type DestinationStream, type Level, pino } from 'pino';
import { configError } from './cli-error.js';

/** Log levels `serve` accepts, in config `log.level` or `HANGAR_LOG_LEVEL`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A level of {@link LOG_LEVELS}. */
export type ServeLogLevel = (typeof LOG_LEVELS)[number];

/** How `serve` writes its log: JSON lines, human-readable, or pretty on a terminal only. */
export type ServeLogFormat = 'json' | 'pretty' | 'auto';

/** What `serve` logs with. */
export interface ServeLogger {
  /** The pino logger, for the runner and the HTTP server. */
  logger: Logger & pino.Logger;
  /** `json` or `pretty`, as chosen. */
  format: 'json' | 'pretty';
  /** Flushes what is buffered (pretty output goes through a stream). */
  flush(): Promise<void>;
}

/** The level: `HANGAR_LOG_LEVEL` wins over the config's `log.level`; `info` when neither says. */
export function logLevelOf(
  env: Readonly<Record<string, string | undefined>>,
  configured?: ServeLogLevel,
): Level | 'silent' {
  const fromEnv = env.HANGAR_LOG_LEVEL;
  if (fromEnv === undefined || fromEnv === '') return configured ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(fromEnv))
    throw configError('hangar.cli.badLogLevel', { value: fromEnv, levels: LOG_LEVELS.join(', ') });
  return fromEnv as ServeLogLevel;
}

/** pino-pretty's stream factory when the package is installed; it is optional, so JSON otherwise. */
async function loadPretty(): Promise<((options: Record<string, unknown>) => DestinationStream) | undefined> {
  // A variable specifier keeps bundlers and the type checker from requiring the optional package.
  const name = 'pino-pretty';
  try {
    const mod = (await import(name)) as { default?: unknown };
    return typeof mod.default === 'function'
      ? (mod.default as (options: Record<string, unknown>) => DestinationStream)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The logger of `hangar serve`, writing to `stream` (stderr; stdout carries only the line saying
 * where it listens). JSON lines by default, for log collectors; human-readable when `format` is
 * `pretty`, or `auto` and the stream is a terminal, if pino-pretty is installed.
 */
export async function createServeLogger(
  stream: NodeJS.WritableStream,
  level: Level | 'silent',
  format: ServeLogFormat = 'auto',
): Promise<ServeLogger> {
  const wantsPretty =
    format === 'pretty' || (format === 'auto' && (stream as { isTTY?: boolean }).isTTY === true);
  const pretty = wantsPretty ? await loadPretty() : undefined;
  const destination: DestinationStream = pretty
    ? pretty({ destination: stream, colorize: (stream as { isTTY?: boolean }).isTTY === true, sync: true })
    : (stream as DestinationStream);
  const logger = pino({ level, base: { pid: process.pid } }, destination);
  return {
    logger,
    format: pretty ? 'pretty' : 'json',
    flush: () => new Promise((resolve) => logger.flush(() => resolve())),
  };
}

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags and positionals of a parsed command line. */
export type ParsedCommand<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** `util.parseArgs` in strict mode, whose errors become usage errors (exit 64) naming the bad flag. */
export function parseCommand<O extends Options>(args: readonly string[], options: O): ParsedCommand<O> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError('hangar.cli.usageError', { problem: (error as Error).message });
  }
}

/** Parses a whole-number flag, naming the flag when it is not one. */
export function intFlag(flag: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw usageError('hangar.cli.badNumber', { flag, value });
  }
  return n;
}

/** Parses a JSON flag, naming the flag when it is not JSON. */
export function jsonFlag(flag: string, value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    throw usageError('hangar.cli.badJson', { flag, reason: (error as Error).message });
  }
}

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './cli-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags and positionals of a parsed command line. */
export type ParsedCommand<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** A word that reads as a negative number (`-5`, `-0.5`), never as a short flag. */
const NEGATIVE_NUMBER = /^-\d/;

/**
 * Joins a value-taking flag and a following negative number into `--flag=-5`. `util.parseArgs`
 * calls `--delay -5` ambiguous (it cannot tell a value from a flag), which hides the real
 * problem; joined, the value reaches the flag's own check and the user hears what is wrong with it.
 */
function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i] as string;
    const next = args[i + 1];
    if (word === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (takesValue.has(word) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(word.startsWith('--') ? `${word}=${next}` : `${word}${next}`);
      i += 1;
    } else out.push(word);
  }
  return out;
}

/** `util.parseArgs` in strict mode, whose errors become usage errors (exit 64) naming the bad flag. */
export function parseCommand<O extends Options>(args: readonly string[], options: O): ParsedCommand<O> {
  try {
    return parseArgs({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError('hangar.cli.usageError', { problem: (error as Error).message });
  }
}

/** Parses a whole-number flag within `[min, max]`, naming the flag when it is not one. */
export function intFlag(
  flag: string,
  value: string | undefined,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw usageError('hangar.cli.badNumber', { flag, value });
  }
  if (n < min) throw usageError('hangar.cli.numberTooSmall', { flag, value, min });
  if (n > max) throw usageError('hangar.cli.numberTooLarge', { flag, value, max });
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

import type { CliContext } from '../cli-context.js';

/** A command built into the CLI. */
export interface BuiltinCommand {
  /** Word after `hangar`. */
  readonly name: string;
  /** One-line help for `hangar --help`. */
  readonly summary: string;
  /** Usage and flags for `hangar <name> --help`. */
  readonly help: readonly string[];
  /** Runs the command; returns the exit code. */
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

/** Prints a command's help and returns 0. */
export function printHelp(command: BuiltinCommand, ctx: CliContext): number {
  for (const line of command.help) ctx.out(line);
  return 0;
}

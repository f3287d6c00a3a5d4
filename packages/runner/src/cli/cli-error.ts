import { type ErrorParams, type FieldIssue, HangarError, Translator } from '@hangar/core';
import { cliMessages } from './cli-messages.js';
import { EXIT, type ExitCode } from './exit-codes.js';

const english = new Translator().register(cliMessages);

/** An error that ends a CLI command with a message and an exit code. */
export class CliError extends HangarError {
  /** Process exit code. */
  readonly exitCode: ExitCode;
  /** Field problems reported by the server, printed one per line. */
  readonly issues: readonly FieldIssue[];
  /** A message already rendered by the server, printed instead of the key. */
  readonly rendered: string | undefined;

  constructor(
    exitCode: ExitCode,
    key: string,
    params: ErrorParams = {},
    extra: { code?: string; issues?: readonly FieldIssue[]; rendered?: string; cause?: unknown } = {},
  ) {
    super(extra.code ?? 'CLI_ERROR', key, extra.rendered ?? english.render({ key, params }), {
      params,
      cause: extra.cause,
      retryable: false,
    });
    this.exitCode = exitCode;
    this.issues = extra.issues ?? [];
    this.rendered = extra.rendered;
  }
}

/** A usage error (exit 64): the command line itself is wrong. */
export function usageError(key: string, params: ErrorParams = {}): CliError {
  return new CliError(EXIT.USAGE, key, params, { code: 'USAGE' });
}

/** A config, plugin or adapter problem (exit 78). */
export function configError(key: string, params: ErrorParams = {}, cause?: unknown): CliError {
  return new CliError(EXIT.CONFIG, key, params, { code: 'CONFIG', cause });
}

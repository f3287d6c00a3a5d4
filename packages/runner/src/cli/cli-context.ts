import { type CliIo, coreMessages, type MessageParam, Translator } from '@hangar/core';
import { CliError } from './cli-error.js';
import { cliMessages } from './cli-messages.js';
import { EXIT } from './exit-codes.js';

/** Streams and surroundings of one CLI run; everything defaults to the current process. */
export interface CliRunIo extends CliIo {
  /** Environment variables (HANGAR_URL, HANGAR_TOKEN, HANGAR_PLUGINS, HANGAR_LANG, ...). @defaultValue process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory plugins and the config file are looked up from. @defaultValue process.cwd() */
  cwd?: string;
  /** Aborts a waiting command and stops `serve` gracefully (main wires it to SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

/** Language of the CLI's own messages: HANGAR_LANG, then the POSIX locale (`fr_FR.UTF-8` → `fr`), then English. */
export function languageFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  for (const name of ['HANGAR_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value || value === 'C' || value === 'POSIX') continue;
    const tag = value.split('.')[0]?.replace('_', '-');
    if (tag) return tag;
  }
  return 'en';
}

/** What every command gets: streams, environment, language and message rendering. */
export class CliContext {
  /** Standard output. */
  readonly stdout: NodeJS.WritableStream;
  /** Standard error. */
  readonly stderr: NodeJS.WritableStream;
  /** Environment variables. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory. */
  readonly cwd: string;
  /** Abort signal of the run, if any. */
  readonly signal: AbortSignal | undefined;
  /** Renders the CLI's, the framework's and the loaded plugins' messages. */
  readonly translator = new Translator().register(coreMessages).register(cliMessages);
  /** Language of the messages; `--lang` of a command replaces it. */
  lang: string;

  constructor(io: CliRunIo) {
    this.stdout = io.stdout;
    this.stderr = io.stderr;
    this.env = io.env ?? process.env;
    this.cwd = io.cwd ?? process.cwd();
    this.signal = io.signal;
    this.lang = languageFromEnv(this.env);
  }

  /** A message in the user's language. */
  t(key: string, params?: Readonly<Record<string, MessageParam>>): string {
    return this.translator.render(params ? { key, params } : { key }, this.lang);
  }

  /** Writes a line to stdout. */
  out(line = ''): void {
    this.stdout.write(`${line}\n`);
  }

  /** Writes a line to stderr. */
  err(line = ''): void {
    this.stderr.write(`${line}\n`);
  }

  /** Prints an error the way every command does, and returns its exit code. */
  fail(error: unknown): number {
    if (error instanceof CliError) {
      this.err(`hangar: ${error.rendered ?? this.t(error.key, error.params)}`);
      for (const issue of error.issues) this.err(`  - ${issue.path || '(root)'}: ${issue.message}`);
      return error.exitCode;
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.err(`hangar: ${this.t('hangar.cli.unexpected', { reason })}`);
    return EXIT.SOFTWARE;
  }
}

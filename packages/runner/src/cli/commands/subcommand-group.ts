import type { ParseArgsConfig } from 'node:util';
import type { ApiClient } from '../api-client.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { parseCommand } from '../parse-command.js';
import { REMOTE_HELP, REMOTE_OPTIONS, remoteClient } from '../remote-options.js';
import type { BuiltinCommand } from './command.js';

/** Flags of a subcommand, besides the shared remote ones. */
export type SubcommandOptions = NonNullable<ParseArgsConfig['options']>;

/** Parsed flags of a subcommand: strings, booleans, and repeated strings. */
export type SubcommandValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** One word under a command group (`retry` in `hangar jobs retry <id>`). */
export interface Subcommand {
  /** The word. */
  readonly name: string;
  /** One-line help. */
  readonly summary: string;
  /** Positional arguments, e.g. `<id>`; each is required. */
  readonly args: readonly string[];
  /** Its own flags. @defaultValue {} */
  readonly options?: SubcommandOptions;
  /** Help lines of its own flags. @defaultValue [] */
  readonly optionHelp?: readonly string[];
  /** Runs it against the API; `args` holds exactly the declared positionals. Returns the exit code. */
  run(args: readonly string[], values: SubcommandValues, api: ApiClient, ctx: CliContext): Promise<number>;
}

/**
 * A command made of subcommands that talk to the API (`hangar jobs retry|delete`). `fallback`
 * runs when the first word is no subcommand, so a group can extend an existing command
 * (`hangar schedules` still lists).
 */
export function subcommandGroup(
  name: string,
  summary: string,
  subcommands: readonly Subcommand[],
  fallback?: BuiltinCommand,
): BuiltinCommand {
  const usage = (sub: Subcommand) => `hangar ${name} ${sub.name} ${sub.args.join(' ')}`.trimEnd();
  const help = [
    ...(fallback ? [`${fallback.help[0] ?? ''}    ${fallback.summary}`] : []),
    ...subcommands.map((sub) => `Usage: ${usage(sub)} [options]    ${sub.summary}`),
    '',
    `Run "hangar ${name} <subcommand> --help" for its flags. Shared flags:`,
    ...REMOTE_HELP,
  ];
  const group: BuiltinCommand = {
    name,
    summary,
    help,
    async run(argv, ctx) {
      const [word, ...rest] = argv;
      const sub = subcommands.find((s) => s.name === word);
      if (!sub) {
        if (word === '--help' || word === '-h' || word === 'help') {
          for (const line of help) ctx.out(line);
          return 0;
        }
        if (fallback) return fallback.run(argv, ctx);
        if (word === undefined) {
          for (const line of help) ctx.err(line);
          return 64;
        }
        throw usageError('hangar.cli.usageError', {
          problem: `Unknown subcommand "${word}"; use one of: ${subcommands.map((s) => s.name).join(', ')}`,
        });
      }
      const { values, positionals } = parseCommand(rest, { ...REMOTE_OPTIONS, ...(sub.options ?? {}) });
      if (values.help) {
        ctx.out(`Usage: ${usage(sub)} [options]`);
        ctx.out('');
        ctx.out(sub.summary);
        for (const line of [...(sub.optionHelp ?? []), ...REMOTE_HELP]) ctx.out(line);
        return 0;
      }
      const missing = sub.args[positionals.length];
      if (missing !== undefined)
        throw usageError('hangar.cli.missingArgument', { name: missing, hint: usage(sub) });
      if (positionals.length > sub.args.length) {
        throw usageError('hangar.cli.usageError', {
          problem: `Unexpected argument "${positionals[sub.args.length]}"`,
        });
      }
      const api = remoteClient(ctx, values as Parameters<typeof remoteClient>[1]);
      return sub.run(positionals, values as SubcommandValues, api, ctx);
    },
  };
  return group;
}

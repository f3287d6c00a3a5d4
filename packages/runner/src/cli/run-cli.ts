import { HangarError } from '@hangar/core';
import { CliContext, type CliRunIo } from './cli-context.js';
import {
  type CliPlugins,
  collectPlugins,
  type MountedCommand,
  matchCommand,
  mountCommands,
  reportFailures,
} from './cli-plugins.js';
import { cancelCommand } from './commands/cancel.js';
import type { BuiltinCommand } from './commands/command.js';
import { enqueueCommand } from './commands/enqueue.js';
import { jobsCommand } from './commands/jobs.js';
import { listCommand } from './commands/list.js';
import { scheduleCommands } from './commands/schedule-changes.js';
import { serveCommand } from './commands/serve.js';
import { statusCommand } from './commands/status.js';
import { triggerCommands } from './commands/trigger-commands.js';
import { workflowsCommand } from './commands/workflows.js';
import { configPath, loadConfig } from './config.js';
import { embeddedCliHost } from './embedded-host.js';
import { EXIT } from './exit-codes.js';
import { runnerVersion } from './runner-version.js';

/** The commands every `hangar` has, in help order. */
export const BUILTIN_COMMANDS: readonly BuiltinCommand[] = [
  serveCommand,
  enqueueCommand,
  statusCommand,
  cancelCommand,
  listCommand,
  jobsCommand,
  workflowsCommand,
  scheduleCommands,
  triggerCommands,
];

const HELP_WORDS = new Set(['--help', '-h', 'help']);
const VERSION_WORDS = new Set(['--version', '-V', 'version']);

function usageLines(mounted: readonly MountedCommand[], hidden: readonly MountedCommand[]): string[] {
  const rows = BUILTIN_COMMANDS.map((c) => [c.name, c.summary] as const);
  const pluginRows = mounted.map(
    (m) => [m.command.path.join(' '), `${m.command.summary}  [${m.plugin}]`] as const,
  );
  const width = Math.max(...[...rows, ...pluginRows].map(([name]) => name.length)) + 2;
  const lines = ['Usage: hangar <command> [options]', '       hangar --version', '', 'Commands:'];
  for (const [name, summary] of rows) lines.push(`  ${name.padEnd(width)}${summary}`);
  if (pluginRows.length > 0) {
    lines.push('', 'Plugin commands:');
    for (const [name, summary] of pluginRows) lines.push(`  ${name.padEnd(width)}${summary}`);
  }
  for (const h of hidden)
    lines.push(`  (not mounted: "${h.command.path.join(' ')}" of ${h.plugin} clashes with another command)`);
  lines.push(
    '',
    'Run "hangar <command> --help" for its options. Commands that talk to a server use --server',
    'and --token, or HANGAR_URL and HANGAR_TOKEN. Plugins come from the config file\'s "plugins",',
    'HANGAR_PLUGINS (comma-separated) and every installed @hangar/jobs-* package.',
    '',
    'Exit codes: 0 done (job Succeeded), 1 job Failed or not found, 2 job Cancelled, 64 bad command',
    'line, 65 input refused by the server, 69 server unreachable, 70 internal error, 77 token refused,',
    '78 config, plugin or adapter problem, 130 interrupted.',
  );
  return lines;
}

async function plugins(ctx: CliContext): Promise<CliPlugins> {
  const config = await loadConfig(configPath(ctx.cwd, ctx.env), ctx.env, false);
  return collectPlugins(ctx, config);
}

async function runPluginCommand(
  ctx: CliContext,
  entry: MountedCommand,
  args: readonly string[],
): Promise<number> {
  const { command } = entry;
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    ctx.out(`Usage: ${command.usage}`);
    ctx.out('');
    ctx.out(command.summary);
    return EXIT.OK;
  }
  try {
    return await command.run(args, { stdout: ctx.stdout, stderr: ctx.stderr, host: embeddedCliHost });
  } catch (error) {
    // A plugin's own errors carry message keys: print them in the user's language.
    const reason = HangarError.isInstance(error)
      ? ctx.t(error.key, error.params)
      : error instanceof Error
        ? error.message
        : String(error);
    ctx.err(`hangar: ${ctx.t('hangar.cli.commandFailed', { command: command.path.join(' '), reason })}`);
    return EXIT.SOFTWARE;
  }
}

/**
 * Runs the `hangar` command line: a built-in command, or a command of a discovered plugin.
 * Returns the exit code instead of exiting, so it runs in-process in tests and embedders.
 */
export async function runCli(argv: readonly string[], io: CliRunIo): Promise<number> {
  const ctx = new CliContext(io);
  try {
    const [first, ...rest] = argv;
    const builtinNames = BUILTIN_COMMANDS.map((c) => c.name);
    if (first !== undefined && VERSION_WORDS.has(first)) {
      ctx.out(ctx.t('hangar.cli.version', { version: runnerVersion() }));
      return EXIT.OK;
    }
    if (first === undefined || HELP_WORDS.has(first)) {
      const topic = first === 'help' ? BUILTIN_COMMANDS.find((c) => c.name === rest[0]) : undefined;
      if (topic) return await topic.run(['--help'], ctx);
      const loaded = await plugins(ctx);
      reportFailures(ctx, loaded.failures);
      const { mounted, hidden } = mountCommands(loaded.loaded, builtinNames);
      const print = first === undefined ? (l: string) => ctx.err(l) : (l: string) => ctx.out(l);
      for (const line of usageLines(mounted, hidden)) print(line);
      return first === undefined ? EXIT.USAGE : EXIT.OK;
    }
    const builtin = BUILTIN_COMMANDS.find((c) => c.name === first);
    if (builtin) return await builtin.run(rest, ctx);

    const loaded = await plugins(ctx);
    const { mounted, hidden } = mountCommands(loaded.loaded, builtinNames);
    const found = first.startsWith('-') ? undefined : matchCommand(mounted, argv);
    if (found) return await runPluginCommand(ctx, found.match, found.args);
    reportFailures(ctx, loaded.failures);
    ctx.err(`hangar: ${ctx.t('hangar.cli.unknownCommand', { command: first })}`);
    ctx.err('');
    for (const line of usageLines(mounted, hidden)) ctx.err(line);
    return EXIT.USAGE;
  } catch (error) {
    return ctx.fail(error);
  }
}

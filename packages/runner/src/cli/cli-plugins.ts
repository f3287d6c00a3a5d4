import type { CliCommand } from '@hangar/core';
import type { CliContext } from './cli-context.js';
import type { HangarConfig } from './config.js';
import {
  dedupe,
  discoverInstalledPlugins,
  explicitPluginSources,
  type LoadedPlugin,
  loadPlugins,
  type PluginFailure,
} from './plugin-loader.js';

/** The plugins of one CLI run. */
export interface CliPlugins {
  /** Plugins that loaded, config first, then HANGAR_PLUGINS, then installed packages. */
  loaded: LoadedPlugin[];
  /** Plugins that did not. */
  failures: PluginFailure[];
}

/** A plugin command with the plugin that brought it. */
export interface MountedCommand {
  /** The command. */
  command: CliCommand;
  /** Name of its plugin. */
  plugin: string;
}

/**
 * Finds and imports the plugins: the config's `plugins`, HANGAR_PLUGINS, and every installed
 * `@hangar/jobs-*` package (unless the config sets `"discover": false`). Their messages are
 * registered so that their commands' errors print in the user's language.
 */
export async function collectPlugins(ctx: CliContext, config: HangarConfig | undefined): Promise<CliPlugins> {
  const explicit = explicitPluginSources(
    (config?.plugins ?? []).map((entry) => entry.package),
    config?.dir ?? ctx.cwd,
    ctx.env,
    ctx.cwd,
  );
  const discovered = config?.discover === false ? [] : await discoverInstalledPlugins(ctx.cwd);
  const result = await loadPlugins(dedupe([...explicit, ...discovered]));
  for (const { plugin } of result.loaded) if (plugin.messages) ctx.translator.register(plugin.messages);
  return result;
}

/** Prints one warning per plugin that did not load. */
export function reportFailures(ctx: CliContext, failures: readonly PluginFailure[]): void {
  for (const { source, error } of failures) {
    ctx.err(
      `hangar: ${ctx.t('hangar.cli.pluginFailed', { specifier: source.specifier, origin: source.origin, reason: error.message })}`,
    );
  }
}

/**
 * The plugins' commands, minus those whose path a built-in command or an earlier plugin already
 * uses: the first one wins, so installing a package can never change what a known command does.
 */
export function mountCommands(
  plugins: readonly LoadedPlugin[],
  builtins: readonly string[],
): { mounted: MountedCommand[]; hidden: MountedCommand[] } {
  const mounted: MountedCommand[] = [];
  const hidden: MountedCommand[] = [];
  const taken = new Set<string>();
  for (const { plugin } of plugins) {
    for (const command of plugin.commands ?? []) {
      const key = command.path.join(' ');
      const first = command.path[0] ?? '';
      if (command.path.length === 0 || builtins.includes(first) || taken.has(key)) {
        hidden.push({ command, plugin: plugin.name });
        continue;
      }
      taken.add(key);
      mounted.push({ command, plugin: plugin.name });
    }
  }
  return { mounted, hidden };
}

/** The mounted command whose path is the longest prefix of `argv`, and the arguments after it. */
export function matchCommand(
  mounted: readonly MountedCommand[],
  argv: readonly string[],
): { match: MountedCommand; args: string[] } | undefined {
  let best: MountedCommand | undefined;
  for (const entry of mounted) {
    const path = entry.command.path;
    if (path.length > argv.length || !path.every((word, i) => argv[i] === word)) continue;
    if (!best || path.length > best.command.path.length) best = entry;
  }
  return best ? { match: best, args: argv.slice(best.command.path.length) } : undefined;
}

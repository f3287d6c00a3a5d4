import {
  ConfigurationError,
  type HangarPlugin,
  type PluginSettingsContext,
  type ServiceRegistration,
} from '@hangar/core';
import { configError } from './cli-error.js';
import type { PluginEntry } from './config.js';
import type { LoadedPlugin } from './plugin-loader.js';

/** A plugin with the settings the config gives it, checked against its schema. */
export interface SettledPlugin {
  /** The plugin. */
  plugin: HangarPlugin;
  /** Parsed settings (the schema's output). */
  settings: unknown;
}

/** Services built from every plugin's settings, and how to release what they opened. */
export interface PluginServiceSet {
  /** Registrations to pass to the runner after the plugins' own. */
  services: ServiceRegistration[];
  /** Releases every plugin's resources, then the shared ones, in reverse order of creation. */
  dispose(): Promise<void>;
}

/**
 * Checks the `settings` of every `plugins` entry against the schema of the plugin it loaded, all
 * before anything starts. A problem is a `ConfigurationError` naming the key path
 * (`plugins.0.settings.database`).
 */
export function checkPluginSettings(
  entries: readonly PluginEntry[],
  loaded: readonly LoadedPlugin[],
): SettledPlugin[] {
  const settled: SettledPlugin[] = [];
  entries.forEach((entry, index) => {
    if (entry.settings === undefined) return;
    const found = loaded.find((l) => l.source.origin === 'config' && l.source.specifier === entry.package);
    if (!found) return; // It did not load: reported as a plugin failure.
    const { plugin } = found;
    const at = `plugins.${index}.settings`;
    if (!plugin.settings) throw new ConfigurationError(at, `${plugin.name} takes no settings; remove them`);
    const parsed = plugin.settings.schema.safeParse(entry.settings);
    if (!parsed.success) {
      const [first, ...more] = parsed.error.issues;
      const where = (path: readonly PropertyKey[]) => [at, ...path.map(String)].join('.');
      const problem = [first, ...more]
        .map((issue, i) => (i === 0 ? issue?.message : `${where(issue?.path ?? [])}: ${issue?.message}`))
        .join('; ');
      throw new ConfigurationError(where(first?.path ?? []), problem);
    }
    settled.push({ plugin, settings: parsed.data });
  });
  return settled;
}

/** Plugins that declare settings the config does not give: their jobs may miss a service. */
export function pluginsWithoutSettings(
  loaded: readonly LoadedPlugin[],
  settled: readonly SettledPlugin[],
): HangarPlugin[] {
  return loaded.map((l) => l.plugin).filter((p) => p.settings && !settled.some((s) => s.plugin === p));
}

/**
 * Builds the services of every settled plugin, in config order. Resources a plugin asks for
 * through `shared` (one database pool for two packs) are built once. When one plugin fails,
 * whatever the others opened is released before the error is thrown.
 */
export async function buildPluginServices(
  settled: readonly SettledPlugin[],
  baseDir: string,
): Promise<PluginServiceSet> {
  const sharedValues = new Map<string, Promise<unknown>>();
  const disposers: Array<() => Promise<void>> = [];
  const context: PluginSettingsContext = {
    baseDir,
    shared<T>(key: string, create: () => Promise<{ value: T; dispose?(): Promise<void> }>): Promise<T> {
      let value = sharedValues.get(key) as Promise<T> | undefined;
      if (value === undefined) {
        value = create().then((resource) => {
          if (resource.dispose) disposers.push(() => resource.dispose!());
          return resource.value;
        });
        sharedValues.set(key, value);
      }
      return value;
    },
  };
  const dispose = async () => {
    for (const release of disposers.splice(0).reverse()) await release().catch(() => {});
  };
  const services: ServiceRegistration[] = [];
  for (const { plugin, settings } of settled) {
    try {
      const built = await plugin.settings!.build(settings, context);
      services.push(...built.services);
      if (built.dispose) disposers.push(() => built.dispose!());
    } catch (error) {
      await dispose();
      throw configError(
        'hangar.cli.pluginServicesFailed',
        { plugin: plugin.name, reason: error instanceof Error ? error.message : String(error) },
        error,
      );
    }
  }
  return { services, dispose };
}

import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HangarPlugin } from '@hangar/core';

/** Where a plugin was named. */
export type PluginOrigin = 'config' | 'HANGAR_PLUGINS' | 'node_modules';

/** A plugin to load: a package name or a path, and where it was found. */
export interface PluginSource {
  /** Package name (`@hangar/jobs-database`) or file path (`./my-plugin.js`). */
  specifier: string;
  /** Config, environment, or an installed `@hangar/jobs-*` package. */
  origin: PluginOrigin;
  /** Directory the specifier is resolved from. */
  baseDir: string;
}

/** A plugin that loaded. */
export interface LoadedPlugin {
  /** Where it came from. */
  source: PluginSource;
  /** The plugin. */
  plugin: HangarPlugin;
}

/** A plugin that did not load, and why. */
export interface PluginFailure {
  /** Where it came from. */
  source: PluginSource;
  /** The import or shape error. */
  error: Error;
}

/** Names the config and HANGAR_PLUGINS give, config first, without duplicates. */
export function explicitPluginSources(
  configPlugins: readonly string[],
  configDir: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): PluginSource[] {
  const fromEnv = (env.HANGAR_PLUGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return dedupe([
    ...configPlugins.map((specifier) => ({ specifier, origin: 'config' as const, baseDir: configDir })),
    ...fromEnv.map((specifier) => ({ specifier, origin: 'HANGAR_PLUGINS' as const, baseDir: cwd })),
  ]);
}

/** Every `node_modules/@hangar/jobs-*` package from `cwd` up to the root; the nearest copy wins. */
export async function discoverInstalledPlugins(cwd: string): Promise<PluginSource[]> {
  const found: PluginSource[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    let names: string[] = [];
    try {
      names = await readdir(join(dir, 'node_modules', '@hangar'));
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      if (name.startsWith('jobs-'))
        found.push({ specifier: `@hangar/${name}`, origin: 'node_modules', baseDir: dir });
    }
    if (dirname(dir) === dir) break;
  }
  return dedupe(found);
}

/** Keeps the first source of each specifier. */
export function dedupe(sources: readonly PluginSource[]): PluginSource[] {
  const seen = new Set<string>();
  const out: PluginSource[] = [];
  for (const source of sources) {
    if (seen.has(source.specifier)) continue;
    seen.add(source.specifier);
    out.push(source);
  }
  return out;
}

/** Whether a module export looks like a Hangar plugin. */
export function isPlugin(value: unknown): value is HangarPlugin {
  const v = value as { name?: unknown; jobs?: unknown } | null | undefined;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && Array.isArray(v.jobs);
}

/** The entry file of a package directory, preferring its ESM export. */
async function packageEntry(pkgDir: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as {
    exports?: unknown;
    module?: unknown;
    main?: unknown;
  };
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if ('.' in record) return pick(record['.']);
    for (const condition of ['import', 'node', 'default', 'require']) {
      const chosen = pick(record[condition]);
      if (chosen) return chosen;
    }
    return undefined;
  };
  const entry =
    pick(pkg.exports) ??
    (typeof pkg.module === 'string' ? pkg.module : undefined) ??
    (typeof pkg.main === 'string' ? pkg.main : 'index.js');
  return join(pkgDir, entry);
}

/**
 * Resolves a specifier to what `import()` takes: a path against `baseDir`, a package by walking
 * up `node_modules` from `baseDir` (so a project's own plugins are found wherever the CLI is
 * installed), or else the bare name for Node to resolve from the CLI itself.
 */
async function resolveSpecifier(source: PluginSource): Promise<string> {
  const { specifier, baseDir } = source;
  if (specifier.startsWith('file:')) return specifier;
  if (specifier.startsWith('.') || isAbsolute(specifier)) {
    return pathToFileURL(isAbsolute(specifier) ? specifier : resolve(baseDir, specifier)).href;
  }
  for (let dir = resolve(baseDir); ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', specifier);
    try {
      return pathToFileURL(await packageEntry(pkgDir)).href;
    } catch {
      // Not installed here; look one level up.
    }
    if (dirname(dir) === dir) return specifier;
  }
}

/** Imports one plugin; its module may export it as default, as `plugin`, or as any named export. */
export async function loadPlugin(source: PluginSource): Promise<HangarPlugin> {
  const mod = (await import(await resolveSpecifier(source))) as Record<string, unknown>;
  const defaultExport = mod.default as Record<string, unknown> | undefined;
  const candidates = [
    mod.default,
    mod.plugin,
    defaultExport?.default,
    defaultExport?.plugin,
    ...Object.values(mod),
  ];
  const plugin = candidates.find(isPlugin);
  if (!plugin) throw new Error('the module exports no plugin (an object with `name` and `jobs`)');
  return plugin;
}

/** Imports every source, collecting failures instead of stopping at the first. */
export async function loadPlugins(
  sources: readonly PluginSource[],
): Promise<{ loaded: LoadedPlugin[]; failures: PluginFailure[] }> {
  const results = await Promise.allSettled(sources.map((source) => loadPlugin(source)));
  const loaded: LoadedPlugin[] = [];
  const failures: PluginFailure[] = [];
  const names = new Set<string>();
  results.forEach((result, i) => {
    const source = sources[i] as PluginSource;
    if (result.status === 'rejected') {
      failures.push({
        source,
        error: result.reason instanceof Error ? result.reason : new Error(String(result.reason)),
      });
    } else if (!names.has(result.value.name)) {
      // The same package named in the config and found in node_modules is one plugin.
      names.add(result.value.name);
      loaded.push({ source, plugin: result.value });
    }
  });
  return { loaded, failures };
}

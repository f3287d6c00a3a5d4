import type { ZodType } from 'zod';
import type { ServiceRegistration } from '../job/services.js';

/** What a host gives a plugin's settings factory besides the settings. */
export interface PluginSettingsContext {
  /** Directory relative paths in the settings are read from (for `hangar serve`, the config file's). */
  readonly baseDir: string;
  /**
   * The resource built under `key` by an earlier call in this host, by this plugin or another one;
   * else builds it with `create`. The host disposes it once, after every plugin's services. Two
   * packs configured with the same database share one pool this way.
   */
  shared<T>(key: string, create: () => Promise<SharedResource<T>>): Promise<T>;
}

/** A resource built for {@link PluginSettingsContext.shared}, and how to release it. */
export interface SharedResource<T> {
  /** The resource, e.g. an open database. */
  readonly value: T;
  /** Releases it (closes a pool); run once, when the host stops. */
  dispose?(): Promise<void>;
}

/** Services a plugin built from its settings. */
export interface PluginServices {
  /** Registered into the runner after the plugin's own `services`, so they replace its defaults. */
  readonly services: readonly ServiceRegistration[];
  /** Releases what the factory opened itself (not what it got from `shared`); run when the host stops. */
  dispose?(): Promise<void>;
}

/**
 * Settings a plugin's services need from the host's configuration (a database URL, a file-store
 * root), and how to build the services from them. Optional: a plugin stays usable by plain
 * construction, with services passed in code.
 */
export interface PluginSettings<S = unknown> {
  /** Schema of the settings object; the host validates against it before starting anything. */
  readonly schema: ZodType<S>;
  /** Builds the service registrations from parsed settings (opens pools, runs migrations...). */
  build(settings: S, context: PluginSettingsContext): Promise<PluginServices>;
}

/** Declares plugin settings (identity function that checks `build` against the schema's output). */
export function definePluginSettings<S>(settings: PluginSettings<S>): PluginSettings<S> {
  return settings;
}

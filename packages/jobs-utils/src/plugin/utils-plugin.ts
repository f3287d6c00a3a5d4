import { bindJobsToTenant, consoDbMessages } from '@hangar/conso-db';
import type { CliCommand, HangarPlugin, MessageCatalogs, ServiceRegistration } from '@hangar/core';
import { utilsMessages } from '../messages/utils-messages.js';
import {
  resolveUtilsOptions,
  type UtilsOptions,
  type UtilsPluginOptions,
  utilsOptionsToken,
} from '../settings/utils-options.js';
import { parseUtilsSettings } from '../settings/utils-settings.js';
import { utilsJobs } from './utils-jobs.js';

/**
 * The utility job pack as a plugin. Its options (checked here: a bad one is `ConfigurationError`
 * naming it) reach the jobs through `utilsOptionsToken`; with none, no command and no SQL
 * connection is allowed.
 */
export class UtilsPlugin implements HangarPlugin {
  readonly name = '@hangar/jobs-utils';
  // Each job runs as its tenant, so PostgreSQL row-level security confines it when enabled.
  readonly jobs = bindJobsToTenant(utilsJobs);
  readonly messages: MessageCatalogs = {
    en: { ...consoDbMessages.en, ...utilsMessages.en },
    fr: { ...consoDbMessages.fr, ...utilsMessages.fr },
  };
  readonly services: readonly ServiceRegistration[];
  readonly commands: readonly CliCommand[] = [];
  /** The options the jobs run with, defaults filled in. */
  readonly options: UtilsOptions;

  constructor(options: UtilsPluginOptions = {}) {
    this.options = resolveUtilsOptions(options);
    const registration: ServiceRegistration<UtilsOptions> = { token: utilsOptionsToken, value: this.options };
    this.services = [registration as ServiceRegistration];
  }
}

/** Builds the plugin with options (same as `new UtilsPlugin(options)`). */
export function createUtilsPlugin(options: UtilsPluginOptions = {}): UtilsPlugin {
  return new UtilsPlugin(options);
}

/**
 * Builds the plugin from a config file's settings section (see `utilsSettings`); a bad field is
 * `ConfigurationError` naming its path.
 */
export function utilsPluginFromSettings(settings: unknown): UtilsPlugin {
  return new UtilsPlugin(parseUtilsSettings(settings));
}

/** The plugin with default options: every job is installed, none may run a command or SQL yet. */
export const utilsPlugin: UtilsPlugin = new UtilsPlugin();

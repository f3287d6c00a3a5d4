import { bindJobsToTenant, consoDbMessages } from '@hangar/conso-db';
import {
  type CliCommand,
  coreMessages,
  type HangarPlugin,
  type MessageCatalogs,
  type ServiceRegistration,
  Translator,
} from '@hangar/core';
import { defaultFilesDir, type FileStore, fileStoreToken, LocalFileStore } from '@hangar/jobs-importexport';
import { otherMessages } from '../messages/other-messages.js';
import { otherTranslatorToken } from '../services/other-services.js';
import { otherJobs } from './other-jobs.js';
import {
  type OtherJobsConfig,
  type OtherJobsOptions,
  otherJobsConfigToken,
  resolveOtherJobsOptions,
} from './other-jobs-options.js';

/**
 * The validation-report and e-mail jobs as a plugin. Jobs read the database from `consoDbToken`
 * (registered by the application), files from `fileStoreToken` (a local directory by default,
 * which an application's own registration replaces) and, to attach another job's output files,
 * job records from `jobRecordsToken` (the application registers its queue or client there).
 */
export class OtherJobsPlugin implements HangarPlugin {
  readonly name = '@hangar/jobs-other';
  // Each job runs as its tenant, so PostgreSQL row-level security confines it when enabled.
  readonly jobs = bindJobsToTenant(otherJobs);
  readonly messages: MessageCatalogs;
  readonly services: readonly ServiceRegistration[];
  readonly commands: readonly CliCommand[] = [];
  /** The options with every default applied. */
  readonly config: OtherJobsConfig;
  /** Renders e-mails and reports: core, conso-db, this pack's and the options' messages. */
  readonly translator: Translator;

  /** Checks every option: a wrong one throws `ConfigurationError` naming it. */
  constructor(options: OtherJobsOptions = {}) {
    const extra = options.messages ?? {};
    const base: MessageCatalogs = consoDbMessages;
    const languages = new Set([...Object.keys(otherMessages), ...Object.keys(extra)]);
    this.messages = Object.fromEntries(
      [...languages].map((lang) => [lang, { ...base[lang], ...otherMessages[lang], ...extra[lang] }]),
    );
    this.translator = new Translator().register(coreMessages).register(this.messages);
    this.config = resolveOtherJobsOptions(options, (key) => this.translator.has(key, 'en'));
    const { fileStore, filesDir } = options;
    const store: ServiceRegistration<FileStore> = fileStore
      ? { token: fileStoreToken, value: fileStore }
      : { token: fileStoreToken, factory: () => new LocalFileStore(filesDir ?? defaultFilesDir()) };
    this.services = [
      store as ServiceRegistration,
      { token: otherJobsConfigToken, value: this.config } as ServiceRegistration,
      { token: otherTranslatorToken, value: this.translator } as ServiceRegistration,
    ];
  }
}

/** Builds the plugin with options (same as `new OtherJobsPlugin(options)`). */
export function createOtherJobsPlugin(options: OtherJobsOptions = {}): OtherJobsPlugin {
  return new OtherJobsPlugin(options);
}

/** The plugin with default options. */
export const otherJobsPlugin: OtherJobsPlugin = new OtherJobsPlugin();

import { bindJobsToTenant, consoDbMessages } from '@hangar/conso-db';
import type {
  CliCommand,
  HangarPlugin,
  MessageCatalogs,
  PluginSettings,
  ServiceRegistration,
} from '@hangar/core';
import { type FileStore, fileStoreToken } from '../files/file-store.js';
import { LocalFileStore } from '../files/local-file-store.js';
import { importExportMessages } from '../messages/importexport-messages.js';
import { defaultFilesDir } from '../session/job-services.js';
import { importExportJobs } from './import-export-jobs.js';
import { importExportSettings } from './import-export-settings.js';

/** Options of {@link ImportExportPlugin}. */
export interface ImportExportPluginOptions {
  /** File store for import files and exports; a {@link LocalFileStore} in `filesDir` when absent. */
  fileStore?: FileStore;
  /** Directory of the default local file store. @defaultValue `HANGAR_FILES_DIR`, else `<tmp>/hangar-files` */
  filesDir?: string;
}

/**
 * The import/export job pack as a plugin. Its jobs read the database from the `consoDbToken`
 * service (registered by the application) and files from `fileStoreToken`, which the plugin
 * registers with a local-directory default that an application's own registration replaces. A host
 * that reads configuration (`hangar serve`) builds both from the pack's {@link settings}.
 */
export class ImportExportPlugin implements HangarPlugin {
  readonly name = '@hangar/jobs-importexport';
  // Each job runs as its tenant, so PostgreSQL row-level security confines it when enabled.
  readonly jobs = bindJobsToTenant(importExportJobs);
  // The tenant scope's errors (conso-db) reach this pack's users too.
  readonly messages: MessageCatalogs = {
    en: { ...consoDbMessages.en, ...importExportMessages.en },
    fr: { ...consoDbMessages.fr, ...importExportMessages.fr },
  };
  readonly services: readonly ServiceRegistration[];
  readonly commands: readonly CliCommand[] = [];
  /** What a host's config gives the pack: its database and file-store root. */
  readonly settings: PluginSettings = importExportSettings;

  constructor(options: ImportExportPluginOptions = {}) {
    const { fileStore, filesDir } = options;
    const registration: ServiceRegistration<FileStore> = fileStore
      ? { token: fileStoreToken, value: fileStore }
      : { token: fileStoreToken, factory: () => new LocalFileStore(filesDir ?? defaultFilesDir()) };
    this.services = [registration as ServiceRegistration];
  }
}

/** Builds the plugin with options (same as `new ImportExportPlugin(options)`). */
export function createImportExportPlugin(options: ImportExportPluginOptions = {}): ImportExportPlugin {
  return new ImportExportPlugin(options);
}

/** The plugin with default options. */
export const importExportPlugin: ImportExportPlugin = new ImportExportPlugin();

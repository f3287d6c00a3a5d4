import { createServiceToken, type JobPage, type ListJobsFilter, type ServiceResolver } from '@hangar/core';
import { BackupNotConfiguredError } from '../errors/backup-not-configured-error.js';

/** Where backups go and how the backup tools reach the database. */
export interface BackupSettings {
  /** Directory the backups and their manifests are written to and restored from. */
  readonly directory: string;
  /**
   * URL of the consolidation database, as `openConsoDb` was given it: `pg_dump`/`pg_restore`
   * connect with it, and SQLite's backup API opens the file it names. The open `ConsoDb` does not
   * expose its URL (it may hold a password), so the host states it here.
   */
  readonly databaseUrl: string;
}

/** Service token of the backup settings (the plugin registers them from its `backup` option). */
export const backupSettingsToken = createServiceToken<BackupSettings>('hangar.conso-jobs.backup');

/** The backup settings, or `BackupNotConfiguredError`. */
export function backupSettingsOf(services: ServiceResolver): BackupSettings {
  if (!services.has(backupSettingsToken)) throw new BackupNotConfiguredError();
  return services.get(backupSettingsToken);
}

/** Read access to the queue's jobs (a runner's client fits): a restore checks what runs, the system logs export the history. */
export interface JobLister {
  list(filter: ListJobsFilter): Promise<JobPage>;
}

/** Service token a host registers its client under, so a restore can refuse while jobs run and the job history can be exported. */
export const jobListerToken = createServiceToken<JobLister>('hangar.conso-jobs.job-lister');

import { CONSO_TABLES_IN_KEY_ORDER, migrateToLatest } from '@hangar/conso-db';
import { defineJob, type JobContext, JobState, type ServiceResolver, t } from '@hangar/core';
import { z } from 'zod';
import { verifiedBackup } from '../backup/backup-manifest.js';
import { backupSettingsOf, jobListerToken } from '../backup/backup-settings.js';
import { pgRestore } from '../backup/postgres-backup.js';
import { sqliteRestore } from '../backup/sqlite-backup.js';
import { assertSystemJob } from '../backup/system-only.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import { RestoreBlockedError } from '../errors/restore-blocked-error.js';
import { backupNameParam } from './backup-job.js';

/** Parameters of {@link restoreJob}. */
export const restoreParams = z.object({
  /** Name of the backup in the backup directory (its manifest is `<backup>.json`). */
  backup: backupNameParam,
});

/** Parameters after defaults. */
export type RestoreParams = z.output<typeof restoreParams>;

/** Result of a restore. */
export interface RestoreResult {
  readonly backup: string;
  /** Schema version of the backup, and migrations applied after it to reach this code's. */
  readonly schemaVersion: string;
  readonly migrated: readonly string[];
}

/** Job type name of {@link restoreJob}. */
export const RESTORE_JOB_TYPE = 'conso.restore';

/**
 * Restore (system jobs only): replaces the whole database with a backup, all-or-nothing, after
 * checking the backup (format, dialect, checksum, a schema no newer than the code) and that no
 * other job is running; then applies the migrations the backup predates.
 */
export const restoreJob = defineJob<RestoreParams, RestoreResult, z.input<typeof restoreParams>>({
  type: RESTORE_JOB_TYPE,
  description: t('conso.job.restore'),
  params: restoreParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      assertSystemJob(ctx);
      const settings = backupSettingsOf(services);
      const consoDb = consoDbOf(services);
      const { manifest, dataPath } = await verifiedBackup(settings.directory, params.backup, consoDb.dialect);
      await assertNothingRuns(services, ctx);
      const report = (table: string, done: number, total: number) =>
        ctx.progress(t('conso.progress.restore', { backup: params.backup, table }), { current: done, total });
      if (consoDb.dialect === 'postgres') {
        await pgRestore(
          settings.databaseUrl,
          dataPath,
          CONSO_TABLES_IN_KEY_ORDER.length + 2,
          ctx.signal,
          report,
        );
      } else if (consoDb.dialect === 'sqlite') {
        await sqliteRestore(consoDb.db, dataPath, report);
      } else {
        throw new BackupInvalidError(
          'backup',
          params.backup,
          `${consoDb.dialect} restores are not supported by this job`,
        );
      }
      const migrated = await migrateToLatest(consoDb.db);
      ctx.info(
        t('conso.progress.restoreDone', { backup: params.backup, schemaVersion: manifest.schemaVersion }),
      );
      return { backup: params.backup, schemaVersion: manifest.schemaVersion, migrated };
    },
  }),
});

/**
 * Refuses while other jobs run, naming them, when the host registered its client under
 * `jobListerToken`; without it the host is responsible for stopping its workers first.
 */
async function assertNothingRuns(
  services: ServiceResolver,
  ctx: Pick<JobContext, 'jobId' | 'warn'>,
): Promise<void> {
  if (!services.has(jobListerToken)) {
    ctx.warn(t('conso.warning.runningJobsUnknown'));
    return;
  }
  const page = await services.get(jobListerToken).list({ states: [JobState.Processing], limit: 100 });
  const others = page.items.filter((job) => job.id !== ctx.jobId).map((job) => `${job.type}#${job.id}`);
  if (others.length > 0) throw new RestoreBlockedError(others);
}

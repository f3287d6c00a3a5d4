import { CONSO_TABLES_IN_KEY_ORDER, type ConsoDb, migrateToLatest } from '@hangar/conso-db';
import { assertSystemJob, defineJob, type JobContext, JobState, type ServiceResolver, t } from '@hangar/core';
import { z } from 'zod';
import { readManifestJson, verifiedBackup } from '../backup/backup-manifest.js';
import { type BackupSettings, backupSettingsOf, jobListerToken } from '../backup/backup-settings.js';
import { CUSTOMER_ARCHIVE_FORMAT, verifiedCustomerArchive } from '../backup/customer-archive-manifest.js';
import { restoreCustomerArchive } from '../backup/customer-archive-restore.js';
import { mssqlRestore } from '../backup/mssql-backup.js';
import { pgRestore } from '../backup/postgres-backup.js';
import { sqliteRestore } from '../backup/sqlite-backup.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { RestoreBlockedError } from '../errors/restore-blocked-error.js';
import { backupNameParam } from './backup-job.js';

/** Parameters of {@link restoreJob}. */
export const restoreParams = z.object({
  /** Name of the backup in the backup directory (its manifest is `<backup>.json`). */
  backup: backupNameParam,
  /** A customer archive whose customer code exists here replaces that customer's data (refused otherwise). */
  replace: z.boolean().default(false),
  /**
   * A customer archive into PostgreSQL, when the job's role owns the tables: each table of at least
   * 10,000 archived rows is locked exclusively until the restore commits, and its foreign keys are
   * checked once after its load instead of per row. Other sessions wait for those tables meanwhile:
   * for a maintenance window. Ignored elsewhere.
   */
  exclusive: z.boolean().default(false),
});

/** Parameters after defaults. */
export type RestoreParams = z.output<typeof restoreParams>;

/** Result of a restore. */
export interface RestoreResult {
  readonly backup: string;
  /** Schema version of the backup, and migrations applied after it to reach this code's. */
  readonly schemaVersion: string;
  readonly migrated: readonly string[];
  /** For a customer archive: the customer's code, its id in this database and the rows per table. */
  readonly customer?: {
    readonly code: string;
    readonly id: number;
    readonly rows: Readonly<Record<string, number>>;
  };
}

/** Job type name of {@link restoreJob}. */
export const RESTORE_JOB_TYPE = 'conso.restore';

/**
 * Restore (system jobs only), all-or-nothing, after checking the backup (format, checksum, a schema
 * no newer than the code) and that no other job is running. A whole-database backup replaces the
 * database (same dialect), then the migrations it predates are applied; a customer archive recreates
 * its customer with new ids beside the others (see `restoreCustomerArchive`).
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
      const report = (table: string, done: number, total: number) =>
        ctx.progress(t('conso.progress.restore', { backup: params.backup, table }), { current: done, total });
      const json = await readManifestJson(settings.directory, params.backup);
      if (json.format === CUSTOMER_ARCHIVE_FORMAT) {
        return restoreCustomer(consoDb, settings, params, json, services, ctx, report);
      }
      const { manifest, dataPath } = await verifiedBackup(settings.directory, params.backup, consoDb.dialect);
      await assertNothingRuns(services, ctx);
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
        await mssqlRestore(consoDb.db, settings.databaseUrl, dataPath, params.backup);
      }
      const migrated = await migrateToLatest(consoDb.db);
      ctx.info(
        t('conso.progress.restoreDone', { backup: params.backup, schemaVersion: manifest.schemaVersion }),
      );
      return { backup: params.backup, schemaVersion: manifest.schemaVersion, migrated };
    },
  }),
});

/** A customer archive into this database, checked first; the customer's rows get new ids. */
async function restoreCustomer(
  consoDb: ConsoDb,
  settings: BackupSettings,
  params: RestoreParams,
  json: Record<string, unknown>,
  services: ServiceResolver,
  ctx: JobContext,
  report: (table: string, done: number, total: number) => void,
): Promise<RestoreResult> {
  const { manifest, dataPath } = await verifiedCustomerArchive(settings.directory, params.backup, json);
  await assertNothingRuns(services, ctx);
  const restored = await restoreCustomerArchive(consoDb.db, {
    backup: params.backup,
    manifest,
    dataPath,
    replace: params.replace,
    exclusive: params.exclusive,
    signal: ctx.signal,
    progress: report,
  });
  const rows = Object.values(restored.rows).reduce((sum, n) => sum + n, 0);
  ctx.info(
    t('conso.progress.customerRestored', { backup: params.backup, customer: manifest.customer, rows }),
  );
  return {
    backup: params.backup,
    schemaVersion: manifest.schemaVersion,
    migrated: [],
    customer: { code: manifest.customer, id: restored.customerId, rows: restored.rows },
  };
}

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

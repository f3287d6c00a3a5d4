import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CONSO_TABLES_IN_KEY_ORDER, type ConsoDb, parseConsoDbUrl, TenantScope } from '@hangar/conso-db';
import { assertSystemJob, defineJob, type JobContext, type ServiceResolver, t } from '@hangar/core';
import { z } from 'zod';
import {
  appliedSchemaVersion,
  type BackupManifest,
  fileDigest,
  writeManifest,
} from '../backup/backup-manifest.js';
import { backupSettingsOf } from '../backup/backup-settings.js';
import {
  CUSTOMER_ARCHIVE_FORMAT,
  type CustomerArchiveManifest,
} from '../backup/customer-archive-manifest.js';
import { writeCustomerArchive } from '../backup/customer-archive-writer.js';
import { customerTablePlan } from '../backup/customer-tables.js';
import { mssqlBackup } from '../backup/mssql-backup.js';
import { pgDump } from '../backup/postgres-backup.js';
import { readSchemaCatalog } from '../backup/schema-catalog.js';
import { sqliteBackup } from '../backup/sqlite-backup.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import { customerParam } from './job-params.js';

/** A backup name: letters, digits, `.`, `_`, `-` (it becomes a file name in the backup directory). */
export const backupNameParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);

/** Parameters of {@link backupJob}. */
export const backupParams = z
  .object({
    /** Name of the backup; `conso-<timestamp>` (`conso-<customer>-<timestamp>` for a customer) by default. */
    name: backupNameParam.optional(),
    /** `database`: the whole database (system jobs); `customer`: one customer's rows, as a portable archive. */
    scope: z.enum(['database', 'customer']).default('database'),
    /** The customer of a `customer` archive: a customer's job may only repeat its own; a system job names one. */
    customer: customerParam,
  })
  .refine((params) => params.customer === undefined || params.scope === 'customer', {
    message: 'customer is only for scope "customer"',
    path: ['customer'],
  });

/** Parameters after defaults. */
export type BackupParams = z.output<typeof backupParams>;

/** Result of a backup: its name and manifest. */
export interface BackupResult {
  readonly name: string;
  /** The data file written. */
  readonly path: string;
  readonly manifest: BackupManifest | CustomerArchiveManifest;
}

/** Job type name of {@link backupJob}. */
export const BACKUP_JOB_TYPE = 'conso.backup';

/**
 * Backup: the whole consolidation database (system jobs only) or one customer's rows (scope
 * `customer`: the job's own tenant, or the customer a system job names) into the backup directory,
 * with a manifest holding its checksum and schema version. PostgreSQL: `pg_dump` custom format of
 * the schema, streamed to the file. SQLite: the online backup API, safe while jobs write. SQL Server:
 * `BACKUP DATABASE … WITH CHECKSUM`. A customer: a gzip NDJSON archive of every customer table,
 * restorable into another database of either dialect.
 */
export const backupJob = defineJob<BackupParams, BackupResult, z.input<typeof backupParams>>({
  type: BACKUP_JOB_TYPE,
  description: t('conso.job.backup'),
  params: backupParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      if (params.scope === 'customer') return backupCustomer(consoDbOf(services), services, params, ctx);
      assertSystemJob(ctx);
      const settings = backupSettingsOf(services);
      const consoDb = consoDbOf(services);
      const name = params.name ?? `conso-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const file = `${name}.${consoDb.dialect === 'postgres' ? 'dump' : consoDb.dialect === 'mssql' ? 'bak' : 'sqlite'}`;
      const path = join(settings.directory, file);
      await mkdir(settings.directory, { recursive: true });
      const schemaVersion = await appliedSchemaVersion(consoDb.db);
      const report = (part: string, done: number, total: number) =>
        ctx.progress(t('conso.progress.backup', { name, part }), { current: done, total });
      try {
        if (consoDb.dialect === 'postgres') {
          const tables = CONSO_TABLES_IN_KEY_ORDER.length + 2; // and the two migration bookkeeping tables
          await pgDump(settings.databaseUrl, consoDb.schema ?? 'public', path, tables, ctx.signal, report);
        } else if (consoDb.dialect === 'sqlite') {
          const parsed = parseConsoDbUrl(settings.databaseUrl);
          if (parsed.dialect !== 'sqlite')
            throw new BackupInvalidError('databaseUrl', name, 'not a SQLite URL');
          await sqliteBackup(parsed.filename, path, (done, total) => report('pages', done, total));
        } else {
          await mssqlBackup(consoDb.db, settings.databaseUrl, path, name);
        }
        ctx.checkpoint();
      } catch (error) {
        // A partial file is no backup: it goes, so no restore can pick it up.
        await rm(path, { force: true });
        throw error;
      }
      const digest = await fileDigest(path);
      const manifest: BackupManifest = {
        format: 'hangar-conso-backup',
        formatVersion: 1,
        dialect: consoDb.dialect,
        schemaVersion,
        file,
        ...digest,
        createdAt: new Date().toISOString(),
      };
      await writeManifest(settings.directory, name, manifest);
      ctx.info(t('conso.progress.backupDone', { name, bytes: digest.bytes, schemaVersion }));
      return { name, path, manifest };
    },
  }),
});

/** One customer's rows as a portable archive (`<name>.ndjson.gz`) and its manifest. */
async function backupCustomer(
  consoDb: ConsoDb,
  services: ServiceResolver,
  params: BackupParams,
  ctx: JobContext,
): Promise<BackupResult> {
  // The tenant first: naming another customer is refused before anything else is looked at.
  const scope = await TenantScope.open(consoDb.db, { tenant: ctx.customerId, customer: params.customer });
  const customer = scope.requireCustomer();
  const settings = backupSettingsOf(services);
  const name = params.name ?? `conso-${customer.code}-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const file = `${name}.ndjson.gz`;
  const path = join(settings.directory, file);
  await mkdir(settings.directory, { recursive: true });
  const schemaVersion = await appliedSchemaVersion(consoDb.db);
  let tables: Record<string, number>;
  try {
    const plan = customerTablePlan(await readSchemaCatalog(consoDb.db));
    tables = await writeCustomerArchive(consoDb.db, {
      customerId: customer.id,
      plan,
      path,
      signal: ctx.signal,
      progress: (part, done, total) =>
        ctx.progress(t('conso.progress.backup', { name, part }), { current: done, total }),
    });
    ctx.checkpoint();
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const manifest: CustomerArchiveManifest = {
    format: CUSTOMER_ARCHIVE_FORMAT,
    formatVersion: 1,
    dialect: consoDb.dialect,
    schemaVersion,
    customer: customer.code,
    file,
    ...(await fileDigest(path)),
    createdAt: new Date().toISOString(),
    tables,
  };
  await writeManifest(settings.directory, name, manifest);
  ctx.info(t('conso.progress.backupDone', { name, bytes: manifest.bytes, schemaVersion }));
  return { name, path, manifest };
}

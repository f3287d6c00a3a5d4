import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CONSO_TABLES_IN_KEY_ORDER, parseConsoDbUrl } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import {
  appliedSchemaVersion,
  type BackupManifest,
  fileDigest,
  writeManifest,
} from '../backup/backup-manifest.js';
import { backupSettingsOf } from '../backup/backup-settings.js';
import { pgDump } from '../backup/postgres-backup.js';
import { sqliteBackup } from '../backup/sqlite-backup.js';
import { assertSystemJob } from '../backup/system-only.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';

/** A backup name: letters, digits, `.`, `_`, `-` (it becomes a file name in the backup directory). */
export const backupNameParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);

/** Parameters of {@link backupJob}. */
export const backupParams = z.object({
  /** Name of the backup; `conso-<timestamp>` by default. */
  name: backupNameParam.optional(),
});

/** Parameters after defaults. */
export type BackupParams = z.output<typeof backupParams>;

/** Result of a backup: its name and manifest. */
export interface BackupResult {
  readonly name: string;
  readonly manifest: BackupManifest;
}

/** Job type name of {@link backupJob}. */
export const BACKUP_JOB_TYPE = 'conso.backup';

/**
 * Backup (system jobs only): the whole consolidation database into the backup directory, with a
 * manifest holding its checksum and schema version. PostgreSQL: `pg_dump` custom format of the
 * schema, streamed to the file. SQLite: the online backup API, safe while jobs write.
 */
export const backupJob = defineJob<BackupParams, BackupResult, z.input<typeof backupParams>>({
  type: BACKUP_JOB_TYPE,
  description: t('conso.job.backup'),
  params: backupParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      assertSystemJob(ctx);
      const settings = backupSettingsOf(services);
      const consoDb = consoDbOf(services);
      const name = params.name ?? `conso-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const file = `${name}.${consoDb.dialect === 'postgres' ? 'dump' : 'sqlite'}`;
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
          throw new BackupInvalidError(
            'dialect',
            name,
            `${consoDb.dialect} backups are not supported by this job`,
          );
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
      return { name, manifest };
    },
  }),
});

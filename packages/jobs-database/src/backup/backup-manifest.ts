import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CONSO_MIGRATION_TABLE,
  CONSO_MIGRATIONS,
  type ConsoDatabase,
  type ConsoDialect,
} from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import { BackupSchemaTooNewError } from '../errors/backup-schema-too-new-error.js';

/** Written next to each backup: what it is and how to check it before a restore trusts it. */
export interface BackupManifest {
  readonly format: 'hangar-conso-backup';
  readonly formatVersion: 1;
  readonly dialect: ConsoDialect;
  /** The latest migration applied to the database when it was backed up. */
  readonly schemaVersion: string;
  /** Data file, in the same directory. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

/** The latest migration this code knows (names sort in the order they apply). */
export const CODE_SCHEMA_VERSION: string = Object.keys(CONSO_MIGRATIONS).sort().at(-1) ?? '';

/** The latest migration applied to the database. */
export async function appliedSchemaVersion(db: Kysely<ConsoDatabase>): Promise<string> {
  const { rows } = await sql<{
    name: string;
  }>`select max(name) as name from ${sql.table(CONSO_MIGRATION_TABLE)}`.execute(db);
  return rows[0]?.name ?? '';
}

/** SHA-256 and size of a file, streamed (backups may be far larger than memory). */
export async function fileDigest(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Writes `<name>.json` beside the data file. */
export async function writeManifest(
  directory: string,
  name: string,
  manifest: BackupManifest | { readonly format: string },
): Promise<string> {
  const path = join(directory, `${name}.json`);
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

/** The parsed `<name>.json` of a backup, not yet checked; `BACKUP_INVALID` when unreadable. */
export async function readManifestJson(directory: string, name: string): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(directory, `${name}.json`), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (error) {
    throw new BackupInvalidError(
      'backup',
      name,
      `no readable manifest ${name}.json (${(error as Error).message})`,
    );
  }
}

/**
 * Checks what every kind of backup promises before a restore trusts it: a plain data file name, the
 * file's size and SHA-256 as the manifest records them, and a schema no newer than this code's.
 * Returns the data file's path.
 */
export async function verifyDataFile(
  directory: string,
  name: string,
  manifest: {
    readonly file: unknown;
    readonly bytes: unknown;
    readonly sha256: unknown;
    readonly schemaVersion: unknown;
  },
): Promise<string> {
  const invalid = (problem: string) => new BackupInvalidError('backup', name, problem);
  const file = manifest.file;
  if (typeof file !== 'string' || file.includes('/') || file.includes('\\') || file.startsWith('.'))
    throw invalid('bad data file name');
  const dataPath = join(directory, file);
  const digest = await fileDigest(dataPath).catch((error: Error) => {
    throw invalid(`data file unreadable (${error.message})`);
  });
  if (digest.bytes !== manifest.bytes || digest.sha256 !== manifest.sha256)
    throw invalid('checksum mismatch');
  if (typeof manifest.schemaVersion !== 'string') throw invalid('no schema version');
  if (manifest.schemaVersion > CODE_SCHEMA_VERSION)
    throw new BackupSchemaTooNewError(name, manifest.schemaVersion, CODE_SCHEMA_VERSION);
  return dataPath;
}

/**
 * Reads a whole-database backup's manifest and checks everything before a restore changes anything:
 * the format, the dialect, the data file's size and checksum, and a schema no newer than this code's.
 */
export async function verifiedBackup(
  directory: string,
  name: string,
  dialect: ConsoDialect,
): Promise<{ manifest: BackupManifest; dataPath: string }> {
  const invalid = (problem: string) => new BackupInvalidError('backup', name, problem);
  const manifest = (await readManifestJson(directory, name)) as unknown as BackupManifest;
  if (manifest.format !== 'hangar-conso-backup' || manifest.formatVersion !== 1)
    throw invalid('unknown format');
  if (manifest.dialect !== dialect) throw invalid(`taken from ${manifest.dialect}, not ${dialect}`);
  const dataPath = await verifyDataFile(directory, name, manifest);
  return { manifest, dataPath };
}

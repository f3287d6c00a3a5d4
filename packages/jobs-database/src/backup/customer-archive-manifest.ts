import type { ConsoDialect } from '@hangar/conso-db';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import { verifyDataFile } from './backup-manifest.js';

/** Format name of a customer archive's manifest. */
export const CUSTOMER_ARCHIVE_FORMAT = 'hangar-conso-customer-archive';

/**
 * Written beside a customer archive (`<name>.ndjson.gz`): one customer's rows of every table, in a
 * form no database's ids are part of, so it can be restored into another database of either dialect.
 */
export interface CustomerArchiveManifest {
  readonly format: typeof CUSTOMER_ARCHIVE_FORMAT;
  readonly formatVersion: 1;
  /** Dialect the archive was taken from (any dialect restores it). */
  readonly dialect: ConsoDialect;
  /** The latest migration applied to the source database. */
  readonly schemaVersion: string;
  /** Code of the customer archived. */
  readonly customer: string;
  /** Data file, in the same directory. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly createdAt: string;
  /** Rows per table, in the order the file holds them. */
  readonly tables: Readonly<Record<string, number>>;
}

/**
 * Checks a customer archive's manifest and data file (size, SHA-256, schema version) before a
 * restore reads a row of it; returns the data file's path.
 */
export async function verifiedCustomerArchive(
  directory: string,
  name: string,
  json: Record<string, unknown>,
): Promise<{ manifest: CustomerArchiveManifest; dataPath: string }> {
  const manifest = json as unknown as CustomerArchiveManifest;
  const invalid = (problem: string) => new BackupInvalidError('backup', name, problem);
  if (manifest.formatVersion !== 1) throw invalid(`unknown format version ${String(manifest.formatVersion)}`);
  if (typeof manifest.customer !== 'string' || manifest.customer === '') throw invalid('no customer code');
  if (typeof manifest.tables !== 'object' || manifest.tables === null) throw invalid('no table list');
  const dataPath = await verifyDataFile(directory, name, manifest);
  return { manifest, dataPath };
}

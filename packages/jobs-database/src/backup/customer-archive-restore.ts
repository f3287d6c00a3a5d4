import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import { RestoreCustomerExistsError } from '../errors/restore-customer-exists-error.js';
import { archiveLines } from './archive-lines.js';
import { type ArchiveLoader, prepareTableLoad, type TableLoad } from './archive-table-load.js';
import { batchedArchiveLoader } from './batched-archive-loader.js';
import type { CustomerArchiveManifest } from './customer-archive-manifest.js';
import { type CustomerTable, customerTablePlan, type SharedTable } from './customer-tables.js';
import { EXCLUSIVE_LOAD_MIN_ROWS, postgresArchiveLoader } from './postgres-archive-loader.js';
import { readSchemaCatalog } from './schema-catalog.js';

/** What {@link restoreCustomerArchive} is asked. */
export interface ArchiveRestore {
  /** Name of the archive, for errors. */
  readonly backup: string;
  readonly manifest: CustomerArchiveManifest;
  /** Its verified data file. */
  readonly dataPath: string;
  /** Replace the customer's data when its code exists; refused otherwise. */
  readonly replace: boolean;
  /** PostgreSQL: check the foreign keys of large tables once after their load (see the restore job's `exclusive`). */
  readonly exclusive: boolean;
  /** Rows from which a table counts as large for `exclusive`. @defaultValue {@link EXCLUSIVE_LOAD_MIN_ROWS} */
  readonly exclusiveMinRows?: number;
  readonly signal: AbortSignal;
  readonly progress: (table: string, done: number, total: number) => void;
}

/**
 * Recreates an archive's customer in this database, all-or-nothing in one transaction: every row
 * gets a new id from this database and every foreign key is rewritten through the map of the table
 * it points at, so the archive goes into any database of either dialect, beside other customers.
 * Shared rows (currencies) are added when missing, never changed. The customer code must be free
 * here, or `replace` removes that customer's rows first, in the same transaction. The archive's
 * columns must exist here (an older archive leaves newer columns to their defaults); a row naming a
 * row the archive lacks, a count that differs from the manifest or an unreadable line is
 * `BACKUP_INVALID`, and nothing stays written.
 */
export async function restoreCustomerArchive(
  db: Kysely<ConsoDatabase>,
  restore: ArchiveRestore,
): Promise<{ customerId: number; rows: Record<string, number> }> {
  const plan = customerTablePlan(await readSchemaCatalog(db));
  const code = restore.manifest.customer;
  const invalid = (problem: string) => new BackupInvalidError('backup', restore.backup, problem);
  const existing = async (trx: Kysely<ConsoDatabase>) =>
    (await trx.selectFrom('customers').select('id').where('code', '=', code).executeTakeFirst())?.id;
  if (!restore.replace && (await existing(db)) !== undefined)
    throw new RestoreCustomerExistsError(restore.backup, code);
  const tables = new Map<string, CustomerTable>(plan.tables.map((table) => [table.name, table]));
  const shared = new Map<string, SharedTable>(plan.shared.map((table) => [table.name, table]));
  const total = Object.keys(restore.manifest.tables).length;

  return db.transaction().execute(async (trx) => {
    // The chart of accounts points at itself; on SQLite keys are checked at commit.
    if (consoDialectOf(trx) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
    const old = await existing(trx);
    if (old !== undefined) {
      if (!restore.replace) throw new RestoreCustomerExistsError(restore.backup, code);
      for (const table of [...plan.tables].reverse())
        await sql`delete from ${sql.table(table.name)} where ${table.owned(old)}`.execute(trx);
    }
    const loader =
      consoDialectOf(trx) === 'postgres'
        ? await postgresArchiveLoader(trx, restore.backup, restore.signal, {
            exclusive: restore.exclusive,
            minRows: restore.exclusiveMinRows ?? EXCLUSIVE_LOAD_MIN_ROWS,
          })
        : await batchedArchiveLoader(trx, restore.backup, restore.signal);
    try {
      const counts = await loadLines(loader);
      const customerId = await existing(trx);
      const restored = await loader.customerIds();
      if (customerId === undefined || restored.length !== 1 || restored[0] !== customerId)
        throw invalid(`it must hold exactly one customer row, of customer ${code}`);
      return { customerId, rows: counts };
    } catch (error) {
      await loader.abort(error);
      throw error;
    }
  });

  async function loadLines(loader: ArchiveLoader): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    let load: TableLoad | undefined;
    let rows = 0;
    for await (const line of archiveLines(restore.dataPath, restore.backup)) {
      if (line.kind === 'table') {
        if (load !== undefined) throw invalid(`${line.table} starts inside ${load.name}`);
        load = prepareTableLoad(restore.backup, line.table, line.columns, tables, shared);
        rows = 0;
        await loader.begin(load);
      } else if (line.kind === 'row') {
        if (load === undefined) throw invalid('a row before any table header');
        await loader.row(line.values);
        rows++;
      } else {
        if (load === undefined || line.table !== load.name)
          throw invalid(`end of ${line.table} outside its table`);
        if (line.rows !== rows || restore.manifest.tables[line.table] !== rows)
          throw invalid(
            `${line.table} holds ${rows} rows, its end line says ${line.rows}, the manifest ${String(restore.manifest.tables[line.table])}`,
          );
        await loader.end();
        counts[line.table] = rows;
        restore.progress(line.table, Object.keys(counts).length, total);
        load = undefined;
      }
    }
    const missing = Object.keys(restore.manifest.tables).filter((table) => counts[table] === undefined);
    if (load !== undefined || missing.length > 0)
      throw invalid(`the file ends early (missing ${[...missing].join(', ')})`);
    return counts;
  }
}

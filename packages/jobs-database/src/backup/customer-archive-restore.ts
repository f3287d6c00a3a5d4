import { batchPlan, type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import { RestoreCustomerExistsError } from '../errors/restore-customer-exists-error.js';
import { archiveLines } from './archive-lines.js';
import type { CustomerArchiveManifest } from './customer-archive-manifest.js';
import { type CustomerTable, customerTablePlan, type SharedTable } from './customer-tables.js';
import { newIds } from './new-ids.js';
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
  readonly signal: AbortSignal;
  readonly progress: (table: string, done: number, total: number) => void;
}

// kysely types `insertInto(table)` per literal table name; tables read from the catalog need this view.
type LooseDatabase = Record<string, Record<string, unknown>>;

/** How one table of the archive goes in. */
interface TableLoad {
  readonly name: string;
  /** Target columns, and for each the archive column it takes (the row's new id for `id`). */
  readonly columns: readonly string[];
  readonly sources: readonly number[];
  /** Index of `id` in the archive row, when the table's ids are remapped. */
  readonly idIndex: number | undefined;
  /** Archive columns holding ids of other tables, and the table whose map rewrites them. */
  readonly remaps: ReadonlyMap<number, string>;
  readonly sharedKey: string | undefined;
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
    const { maxParameters, maxRows } = await batchPlan(trx);
    const maps = new Map<string, Map<unknown, number>>();
    const counts: Record<string, number> = {};
    let load: TableLoad | undefined;
    let batch: (readonly unknown[])[] = [];
    let rows = 0;

    const flush = async (): Promise<void> => {
      if (load === undefined || batch.length === 0) return;
      if (restore.signal.aborted) throw restore.signal.reason;
      const current = load;
      const ids = current.idIndex === undefined ? [] : await newIds(trx, current.name, batch.length);
      if (current.idIndex !== undefined) {
        const map = maps.get(current.name) ?? new Map<unknown, number>();
        for (const [i, values] of batch.entries()) map.set(values[current.idIndex], ids[i] as number);
        maps.set(current.name, map);
      }
      const records = batch.map((values, i) => {
        const record: Record<string, unknown> = {};
        for (const [c, column] of current.columns.entries()) {
          const source = current.sources[c] as number;
          record[column] =
            column === 'id' && current.idIndex !== undefined ? ids[i] : remap(current, values, source);
        }
        return record;
      });
      let insert = (trx as unknown as Kysely<LooseDatabase>).insertInto(current.name).values(records);
      if (current.sharedKey !== undefined)
        insert = insert.onConflict((oc) => oc.column(current.sharedKey as string).doNothing());
      await insert.execute();
      rows += batch.length;
      batch = [];
    };

    const remap = (current: TableLoad, values: readonly unknown[], index: number): unknown => {
      const value = values[index] ?? null;
      const target = current.remaps.get(index);
      if (target === undefined || value === null) return value;
      const mapped = maps.get(target)?.get(value);
      if (mapped === undefined)
        throw invalid(
          `${current.name}.${current.columns[current.sources.indexOf(index)]} = ${String(value)} names no ${target} row of the archive`,
        );
      return mapped;
    };

    for await (const line of archiveLines(restore.dataPath, restore.backup)) {
      if (line.kind === 'table') {
        load = prepare(line.table, line.columns);
        batch = [];
        rows = 0;
      } else if (line.kind === 'row') {
        if (load === undefined) throw invalid('a row before any table header');
        if ((batch.length + 1) * load.columns.length > maxParameters || batch.length >= maxRows)
          await flush();
        batch.push(line.values);
      } else {
        if (load === undefined || line.table !== load.name)
          throw invalid(`end of ${line.table} outside its table`);
        await flush();
        if (line.rows !== rows || restore.manifest.tables[line.table] !== rows)
          throw invalid(
            `${line.table} holds ${rows} rows, its end line says ${line.rows}, the manifest ${String(restore.manifest.tables[line.table])}`,
          );
        counts[line.table] = rows;
        restore.progress(line.table, Object.keys(counts).length, total);
        load = undefined;
      }
    }
    const missing = Object.keys(restore.manifest.tables).filter((table) => counts[table] === undefined);
    if (load !== undefined || missing.length > 0)
      throw invalid(`the file ends early (missing ${[...missing].join(', ')})`);
    const customerId = await existing(trx);
    const restored = [...(maps.get('customers')?.values() ?? [])];
    if (customerId === undefined || restored.length !== 1 || restored[0] !== customerId)
      throw invalid(`it must hold exactly one customer row, of customer ${code}`);
    return { customerId, rows: counts };
  });

  function prepare(name: string, columns: readonly string[]): TableLoad {
    const table = tables.get(name);
    const sharedTable = shared.get(name);
    const target = table ?? sharedTable;
    if (target === undefined) throw invalid(`table ${name} is not a customer table of this database`);
    const unknown = columns.filter((column) => !target.columns.includes(column));
    if (unknown.length > 0) throw invalid(`${name}.${unknown[0]} does not exist in this database`);
    const idIndex = table?.referenced === true ? columns.indexOf('id') : -1;
    // Ids are this database's to give: kept only where rows point at them, through the map.
    const kept = columns.filter((column) => column !== 'id' || idIndex >= 0);
    const remaps = new Map<number, string>();
    for (const ref of table?.references ?? []) {
      const index = columns.indexOf(ref.column);
      if (index >= 0) remaps.set(index, ref.table);
    }
    return {
      name,
      columns: kept,
      sources: kept.map((column) => columns.indexOf(column)),
      idIndex: idIndex >= 0 ? idIndex : undefined,
      remaps,
      sharedKey: sharedTable?.key,
    };
  }
}

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { CustomerTable, CustomerTablePlan } from './customer-tables.js';
import { tablePages } from './table-pages.js';

/** How an archive is written. */
export interface ArchiveWrite {
  readonly customerId: number;
  readonly plan: CustomerTablePlan;
  /** Path of the gzip file. */
  readonly path: string;
  readonly signal: AbortSignal;
  /** Called after each table: its name, tables done and in all. */
  readonly progress: (table: string, done: number, total: number) => void;
}

/**
 * Writes one customer's rows as gzip NDJSON: per table a header line
 * `{"table":…,"columns":[…]}`, one JSON array per row, and `{"end":…,"rows":n}`. Shared tables come
 * first (only the rows the customer points at), then the customer tables in foreign-key order; a
 * table that points at itself is written parents first. Ids stay the source's, as local names only:
 * a restore gives every row a new id and rewrites the keys. Read in one snapshot (a repeatable-read
 * transaction on PostgreSQL, a read transaction on SQLite). Returns the rows per table.
 */
export async function writeCustomerArchive(
  db: Kysely<ConsoDatabase>,
  write: ArchiveWrite,
): Promise<Record<string, number>> {
  const gzip = createGzip({ level: 6 });
  const file = createWriteStream(write.path);
  gzip.pipe(file);
  const line = async (value: unknown): Promise<void> => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  // A page is one write: an await per row would cost more than its JSON.
  const lines = async (values: readonly unknown[]): Promise<void> => {
    let text = '';
    for (const value of values) text += `${JSON.stringify(value)}\n`;
    if (text !== '' && !gzip.write(text)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  const total = write.plan.shared.length + write.plan.tables.length;
  const transaction =
    consoDialectOf(db) === 'postgres'
      ? db.transaction().setIsolationLevel('repeatable read')
      : db.transaction();
  try {
    await transaction.execute(async (trx) => {
      let done = 0;
      for (const shared of write.plan.shared) {
        counts[shared.name] = await writeTable(
          trx,
          shared.name,
          shared.columns,
          shared.used(write.customerId),
        );
        write.progress(shared.name, ++done, total);
      }
      for (const table of write.plan.tables) {
        counts[table.name] = table.selfReference
          ? await writeParentsFirst(trx, table, write.customerId)
          : await writeTable(trx, table.name, table.columns, table.owned(write.customerId));
        write.progress(table.name, ++done, total);
      }
    });
    gzip.end();
    await finished(file);
    return counts;
  } catch (error) {
    gzip.destroy();
    file.destroy();
    throw error;
  }

  async function writeTable(
    trx: Kysely<ConsoDatabase>,
    name: string,
    columns: readonly string[],
    where: Parameters<typeof tablePages>[3],
  ): Promise<number> {
    await line({ table: name, columns });
    let rows = 0;
    for await (const page of tablePages(trx, name, columns, where)) {
      if (write.signal.aborted) throw write.signal.reason;
      await lines(page);
      rows += page.length;
    }
    await line({ end: name, rows });
    return rows;
  }

  // Such a table (the chart of accounts) is small master data: sorted in memory so a restore can
  // give each parent its new id before its children need it.
  async function writeParentsFirst(trx: Kysely<ConsoDatabase>, table: CustomerTable, customerId: number) {
    const all: unknown[][] = [];
    for await (const page of tablePages(trx, table.name, table.columns, table.owned(customerId)))
      all.push(...page);
    const id = table.columns.indexOf('id');
    const parent = table.columns.indexOf(table.selfReference ?? '');
    const byId = new Map(all.map((row) => [row[id], row]));
    const placed = new Set<unknown>();
    const ordered: unknown[][] = [];
    const place = (row: unknown[], path: Set<unknown>): void => {
      if (placed.has(row[id])) return;
      const up = row[parent];
      if (up !== null && byId.has(up) && !path.has(up))
        place(byId.get(up) as unknown[], new Set([...path, row[id]]));
      placed.add(row[id]);
      ordered.push(row);
    };
    for (const row of all) place(row, new Set());
    await line({ table: table.name, columns: table.columns });
    await lines(ordered);
    await line({ end: table.name, rows: ordered.length });
    return ordered.length;
  }
}

import { batchPlan, type ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { type ArchiveLoader, missingRowError, type TableLoad } from './archive-table-load.js';
import { newIds } from './new-ids.js';

// kysely types `insertInto(table)` per literal table name; tables read from the catalog need this view.
type LooseDatabase = Record<string, Record<string, unknown>>;

/**
 * Loads an archive through multi-row INSERTs sized to the dialect's parameter budget, ids reserved
 * per batch and the maps kept in memory (only referenced tables have one: master data, not the
 * bundles). The path of SQLite, where one process owns the file and statements cost no round trip.
 */
export async function batchedArchiveLoader(
  trx: Kysely<ConsoDatabase>,
  backup: string,
  signal: AbortSignal,
): Promise<ArchiveLoader> {
  const { maxParameters, maxRows } = await batchPlan(trx);
  const maps = new Map<string, Map<unknown, number>>();
  let load: TableLoad | undefined;
  let batch: (readonly unknown[])[] = [];

  const remap = (current: TableLoad, values: readonly unknown[], index: number): unknown => {
    const value = values[index] ?? null;
    const target = current.remaps.get(index);
    if (target === undefined || value === null) return value;
    const mapped = maps.get(target)?.get(value);
    if (mapped === undefined) throw missingRowError(backup, current, index, value);
    return mapped;
  };

  const flush = async (): Promise<void> => {
    if (load === undefined || batch.length === 0) return;
    if (signal.aborted) throw signal.reason;
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
    batch = [];
  };

  return {
    async begin(next) {
      load = next;
      batch = [];
    },
    async row(values) {
      if (load === undefined) return;
      if ((batch.length + 1) * load.columns.length > maxParameters || batch.length >= maxRows) await flush();
      batch.push(values);
    },
    async end() {
      await flush();
      load = undefined;
    },
    async customerIds() {
      return [...(maps.get('customers')?.values() ?? [])];
    },
    async abort() {
      batch = [];
    },
  };
}

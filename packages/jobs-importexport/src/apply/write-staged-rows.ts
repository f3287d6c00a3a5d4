import { type Kysely, sql } from 'kysely';
import type { StagingTable } from '../stage/staging-table.js';
import { ROW_NO } from '../stage/staging-table.js';
import type { ApplyTarget } from './apply-target.js';
import { columnsMatch, keyColumns, scopeMatch } from './sql-fragments.js';

/** How an import writes: replace its scope, or upsert by key. */
export type ImportMode = 'replace' | 'merge';

/** Rows deleted, updated and inserted by one apply. */
export interface ApplyCounts {
  deleted: number;
  updated: number;
  inserted: number;
}

/**
 * Moves staged rows into the target with set-based statements, in the caller's transaction:
 * `replace` deletes the target's scope then inserts; `merge` updates rows whose key matches and
 * inserts the others. The SQL is plain enough for PostgreSQL, SQLite and SQL Server alike.
 */
export async function writeStagedRows(
  trx: Kysely<unknown>,
  staging: StagingTable,
  target: ApplyTarget,
  mode: ImportMode,
): Promise<ApplyCounts> {
  const counts: ApplyCounts = { deleted: 0, updated: 0, inserted: 0 };
  const t = sql.table(target.table);
  if (mode === 'replace') {
    const result =
      await sql`delete from ${t} where ${scopeMatch(target.table, staging.name, target.scope)}`.execute(trx);
    counts.deleted = Number(result.numAffectedRows ?? 0n);
    counts.inserted = await insertRows(trx, staging, target, false);
    return counts;
  }
  const keys = keyColumns(target);
  // Merge probes the staging table by key once per target row: an index keeps that logarithmic.
  const index = `${staging.name.replace(/^#/, '')}_key`;
  await sql`create index ${sql.id(index)} on ${sql.table(staging.name)} (${sql.join(keys.map((c) => sql.id(c.name)))})`.execute(
    trx,
  );
  const others = target.columns.filter((column) => !target.key.includes(column.name));
  const scope = scopeMatch(target.table, staging.name, target.scope);
  const match = columnsMatch('s', target.table, keys);
  if (others.length > 0) {
    const sets = sql.join(
      others.map(
        (column) =>
          sql`${sql.id(column.name)} = (select ${sql.ref(`s.${column.name}`)} from ${sql.table(staging.name)} as s where ${match})`,
      ),
    );
    const result =
      await sql`update ${t} set ${sets} where ${scope} and exists (select 1 from ${sql.table(staging.name)} as s where ${match})`.execute(
        trx,
      );
    counts.updated = Number(result.numAffectedRows ?? 0n);
  }
  counts.inserted = await insertRows(trx, staging, target, true);
  return counts;
}

async function insertRows(
  trx: Kysely<unknown>,
  staging: StagingTable,
  target: ApplyTarget,
  onlyNew: boolean,
): Promise<number> {
  const constants = Object.entries(target.constants ?? {});
  const names = sql.join(
    [...target.columns.map((c) => c.name), ...constants.map(([name]) => name)].map((n) => sql.id(n)),
  );
  const values = sql.join([
    ...target.columns.map((column) => sql.ref(`s.${column.name}`)),
    ...constants.map(([, value]) => sql.val(value)),
  ]);
  // "Not already in the target", as an uncorrelated set of staged rows that match a target row:
  // computed once by a join driven from the target's scope, where a correlated NOT EXISTS would
  // scan the target's scope for every staged row on SQLite.
  const filter = onlyNew
    ? sql`where ${sql.ref(`s.${ROW_NO}`)} not in (select ${sql.ref(`m.${ROW_NO}`)} from ${sql.table(target.table)} as t join ${sql.table(staging.name)} as m on ${columnsMatch('m', 't', keyColumns(target))} where ${scopeMatch('t', staging.name, target.scope)})`
    : sql``;
  const result =
    await sql`insert into ${sql.table(target.table)} (${names}) select ${values} from ${sql.table(staging.name)} as s ${filter} order by ${sql.ref(`s.${ROW_NO}`)}`.execute(
      trx,
    );
  return Number(result.numAffectedRows ?? 0n);
}

import { type Kysely, sql } from 'kysely';
import type { ConsoDialect } from '../db/conso-db.js';
import { ROW_NO, type StagingTable } from '../stage/staging-table.js';
import type { TargetColumn } from './apply-target.js';
import { columnsMatch, limitClause, topClause } from './sql-fragments.js';

/** A staged row whose key an earlier row already had. */
export interface DuplicateRow {
  /** File row of the duplicate. */
  row: number;
  /** File row that first had the key. */
  firstRow: number;
}

/**
 * Finds rows repeating a key in the staging table with one grouped query, so duplicate detection
 * needs no in-memory set of keys however large the file. Returns at most `limit` rows, in file order.
 */
export async function findDuplicates(
  trx: Kysely<unknown>,
  dialect: ConsoDialect,
  staging: StagingTable,
  key: readonly TargetColumn[],
  limit: number,
): Promise<DuplicateRow[]> {
  const rowNo = sql.ref(`s.${ROW_NO}`);
  const group = sql.join(key.map((column) => sql.ref(column.name)));
  // One hash aggregate tells whether any key repeats; only then is the file joined back to name the
  // rows (a join PostgreSQL plans as a sort of the whole staging table).
  const any =
    await sql`select ${topClause(dialect, 1)} 1 as found from ${sql.table(staging.name)} group by ${group} having count(*) > 1 ${limitClause(dialect, 1)}`.execute(
      trx,
    );
  if (any.rows.length === 0) return [];
  const rows = await sql<{
    row_no: number;
    first_row: number;
  }>`select ${topClause(dialect, limit)} ${rowNo} as row_no, ${sql.ref('d.first_row')} as first_row
    from ${sql.table(staging.name)} as s
    join (select ${group}, min(${sql.ref(ROW_NO)}) as first_row from ${sql.table(staging.name)} group by ${group} having count(*) > 1) as d
      on ${columnsMatch(dialect, 's', 'd', key)}
    where ${rowNo} <> ${sql.ref('d.first_row')}
    order by ${rowNo} ${limitClause(dialect, limit)}`.execute(trx);
  return rows.rows.map((row) => ({ row: Number(row.row_no), firstRow: Number(row.first_row) }));
}

import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/** Rows fetched per round trip: large enough to keep the server busy, small enough to stay in memory. */
export const PAGE_ROWS = 5000;

/**
 * The rows of `table` that match `where`, page by page, as arrays in the order of `columns`, never
 * the whole table in memory. PostgreSQL: a cursor of the caller's transaction, so every table is
 * read from the same snapshot. SQLite: pages by rowid (every table of the schema has one).
 */
export async function* tablePages(
  trx: Kysely<ConsoDatabase>,
  table: string,
  columns: readonly string[],
  where: RawBuilder<unknown>,
): AsyncGenerator<unknown[][]> {
  const list = sql.join(columns.map((column) => sql.ref(column)));
  const toArrays = (rows: readonly Record<string, unknown>[]) =>
    rows.map((row) => columns.map((column) => portable(row[column])));
  if (consoDialectOf(trx) === 'postgres') {
    await sql`declare archive_rows no scroll cursor for select ${list} from ${sql.table(table)} where ${where}`.execute(
      trx,
    );
    try {
      for (;;) {
        const { rows } = await sql<
          Record<string, unknown>
        >`fetch forward ${sql.lit(PAGE_ROWS)} from archive_rows`.execute(trx);
        if (rows.length === 0) return;
        yield toArrays(rows);
      }
    } finally {
      await sql`close archive_rows`.execute(trx);
    }
  }
  let after = -Infinity;
  for (;;) {
    const { rows } = await sql<
      Record<string, unknown>
    >`select rowid as archive_rowid, ${list} from ${sql.table(table)}
      where ${where} and rowid > ${after === -Infinity ? Number.MIN_SAFE_INTEGER : after}
      order by rowid limit ${PAGE_ROWS}`.execute(trx);
    if (rows.length === 0) return;
    after = Number(rows.at(-1)?.archive_rowid);
    yield toArrays(rows);
  }
}

/** A value as JSON carries it: dates as ISO text, big integers as text. */
function portable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value ?? null;
}

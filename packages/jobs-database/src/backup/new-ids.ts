import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';

/**
 * Reserves `count` fresh ids of a table for rows about to be inserted with them, inside the
 * caller's transaction. PostgreSQL: taken from the identity's own sequence, so concurrent inserts by
 * others never get them. SQLite: above the largest id read in the transaction; SQLite lets one
 * transaction write at a time and refuses to upgrade one whose snapshot another writer has since
 * changed (SQLITE_BUSY_SNAPSHOT), so two restores can never hand out the same id.
 */
export async function newIds(trx: Kysely<ConsoDatabase>, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  if (consoDialectOf(trx) === 'postgres') {
    const { rows } = await sql<{ id: number }>`
      select nextval(pg_get_serial_sequence(${table}, 'id'))::integer as id
      from generate_series(1, ${count})`.execute(trx);
    return rows.map((row) => Number(row.id));
  }
  const { rows } = await sql<{ top: number | null }>`select max(id) as top from ${sql.table(table)}`.execute(
    trx,
  );
  const top = Number(rows[0]?.top ?? 0);
  return Array.from({ length: count }, (_, i) => top + i + 1);
}

import { type QueryExecutorProvider, sql } from 'kysely';

/** An index of the connection's schema, with its table and size. */
export interface IndexInfo {
  readonly table: string;
  readonly index: string;
  readonly bytes: number;
}

/** The schema's valid indexes of at least `minBytes`, largest first, of `tables` when given. */
export async function postgresIndexes(
  db: QueryExecutorProvider,
  minBytes: number,
  tables: readonly string[] | undefined,
): Promise<IndexInfo[]> {
  const { rows } = await sql<{ table: string; index: string; bytes: string | number }>`
    select t.relname as "table", i.relname as "index", pg_relation_size(i.oid) as bytes
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and x.indisvalid and t.relkind = 'r'
      and pg_relation_size(i.oid) >= ${minBytes}
    order by t.relname, pg_relation_size(i.oid) desc`.execute(db);
  return rows
    .map((row) => ({ table: row.table, index: row.index, bytes: Number(row.bytes) }))
    .filter((row) => tables === undefined || tables.includes(row.table));
}

/**
 * Drops what a cancelled `REINDEX … CONCURRENTLY` leaves behind: the invalid `…_ccnew` copy it
 * was building (PostgreSQL keeps it until dropped).
 */
export async function dropInterruptedReindexes(db: QueryExecutorProvider): Promise<number> {
  const { rows } = await sql<{ index: string }>`
    select i.relname as "index" from pg_index x
    join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
    where n.nspname = current_schema() and not x.indisvalid and i.relname like '%\\_ccnew%'`.execute(db);
  for (const row of rows) await sql`drop index concurrently if exists ${sql.id(row.index)}`.execute(db);
  return rows.length;
}

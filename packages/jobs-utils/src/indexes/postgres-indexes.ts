import { type QueryExecutorProvider, sql } from 'kysely';
import { type BloatEstimate, bloatFromPgstatindex, estimateBtreeBloat } from './btree-bloat-estimate.js';

/** How an index's bloat was measured: `pgstatindex` read its pages, `statistics` estimated it. */
export type BloatMethod = 'pgstatindex' | 'statistics';

/** An index of the connection's schema, with its table, size and bloat. */
export interface IndexInfo {
  readonly table: string;
  readonly index: string;
  readonly bytes: number;
  /** Undefined when it cannot be told: not a btree, or no statistics yet (never analyzed). */
  readonly bloat: (BloatEstimate & { readonly method: BloatMethod }) | undefined;
}

interface IndexRow {
  oid: string;
  table: string;
  index: string;
  bytes: string | number;
  btree: boolean;
  pages: number;
  tuples: number;
  fillfactor: number;
  blockSize: number;
  /** Per index column; null members where `pg_stats` has no row (not analyzed). */
  columns: ({ nullFrac: number; avgWidth: number } | null)[] | null;
}

/**
 * The schema's valid indexes of at least `minBytes`, largest first per table, of `tables` when
 * given, each with its bloat: by `pgstatindex` when the pgstattuple extension is installed in the
 * database and this role may call it, else by the statistics estimate.
 */
export async function postgresIndexes(
  db: QueryExecutorProvider,
  minBytes: number,
  tables: readonly string[] | undefined,
  /** Called before each `pgstatindex`, which reads a whole index: throws to stop (cancellation). */
  checkpoint: () => void = () => {},
): Promise<IndexInfo[]> {
  // Each index column's statistics: a table column's under the table, an expression's under the
  // index (ANALYZE keeps those for expression indexes).
  const { rows } = await sql<IndexRow>`
    select i.oid::text as oid, t.relname as "table", i.relname as "index", pg_relation_size(i.oid) as bytes,
      am.amname = 'btree' as btree, i.relpages as pages, i.reltuples as tuples,
      coalesce((select option_value::int from pg_options_to_table(i.reloptions)
                 where option_name = 'fillfactor'), 90) as fillfactor,
      current_setting('block_size')::int as "blockSize",
      (select json_agg(case when s.attname is null then null
                 else json_build_object('nullFrac', s.null_frac, 'avgWidth', s.avg_width) end order by k)
         from generate_series(1, x.indnatts) k
         left join pg_attribute a
           on a.attrelid = case when x.indkey[k - 1] = 0 then i.oid else t.oid end
          and a.attnum = case when x.indkey[k - 1] = 0 then k else x.indkey[k - 1] end
         left join pg_stats s
           on s.schemaname = n.nspname and not s.inherited and s.attname = a.attname
          and s.tablename = case when x.indkey[k - 1] = 0 then i.relname else t.relname end) as columns
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_am am on am.oid = i.relam
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = current_schema() and x.indisvalid and t.relkind = 'r'
      and pg_relation_size(i.oid) >= ${minBytes}
    order by t.relname, pg_relation_size(i.oid) desc, i.relname`.execute(db);
  const wanted = rows.filter((row) => tables === undefined || tables.includes(row.table));
  const pgstatindex = await pgstatindexOf(db);
  const result: IndexInfo[] = [];
  for (const row of wanted) {
    if (pgstatindex !== undefined) checkpoint();
    const measured = row.btree && pgstatindex !== undefined ? await pgstatindex(row) : undefined;
    result.push({
      table: row.table,
      index: row.index,
      bytes: Number(row.bytes),
      bloat: measured ?? statisticsBloat(row),
    });
  }
  return result;
}

function statisticsBloat(row: IndexRow): IndexInfo['bloat'] {
  const columns = row.columns ?? [];
  if (!row.btree || columns.some((column) => column === null)) return undefined;
  const estimate = estimateBtreeBloat({
    blockSize: row.blockSize,
    pages: row.pages,
    tuples: row.tuples,
    fillfactor: row.fillfactor,
    columns: columns.filter((column) => column !== null),
  });
  return estimate && { ...estimate, method: 'statistics' };
}

/**
 * `pgstatindex` of the installed pgstattuple, or undefined when it is not installed. A call this
 * role may not make (by default only superusers and `pg_stat_scan_tables` may) gives undefined,
 * and the statistics estimate is used instead.
 */
async function pgstatindexOf(
  db: QueryExecutorProvider,
): Promise<((row: IndexRow) => Promise<IndexInfo['bloat']>) | undefined> {
  const { rows } = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'pgstattuple'`.execute(db);
  const schema = rows[0]?.schema;
  if (schema === undefined) return undefined;
  return async (row) => {
    try {
      const { rows: stats } = await sql<{
        index_size: string;
        leaf_pages: string;
        deleted_pages: string;
        empty_pages: string;
        avg_leaf_density: number;
      }>`select index_size, leaf_pages, deleted_pages, empty_pages, avg_leaf_density
           from ${sql.id(schema)}.pgstatindex(${row.oid}::oid::regclass)`.execute(db);
      const stat = stats[0];
      if (stat === undefined) return undefined;
      return {
        ...bloatFromPgstatindex({
          indexBytes: Number(stat.index_size),
          leafPages: Number(stat.leaf_pages),
          deletedPages: Number(stat.deleted_pages),
          emptyPages: Number(stat.empty_pages),
          avgLeafDensity: Number(stat.avg_leaf_density),
          fillfactor: row.fillfactor,
          blockSize: row.blockSize,
        }),
        method: 'pgstatindex',
      };
    } catch {
      return undefined;
    }
  };
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

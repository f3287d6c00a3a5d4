/** What the planner's statistics say of one btree index (pg_class, pg_stats, settings). */
export interface BtreeIndexStatistics {
  /** `current_setting('block_size')`. */
  readonly blockSize: number;
  /** `pg_class.relpages` of the index: its pages as of the last VACUUM or ANALYZE. */
  readonly pages: number;
  /** `pg_class.reltuples` of the index (-1: never vacuumed nor analyzed). */
  readonly tuples: number;
  /** The index's fillfactor (btree default 90). */
  readonly fillfactor: number;
  /** Of each indexed column or expression, from `pg_stats`. */
  readonly columns: readonly { readonly nullFrac: number; readonly avgWidth: number }[];
}

/** How much of an index is bloat. */
export interface BloatEstimate {
  /** Share of the index's pages a fresh build at its fillfactor would not need, 0–100. */
  readonly bloatPercent: number;
  /** Those pages in bytes. */
  readonly wastedBytes: number;
}

/** Data alignment of the 64-bit builds PostgreSQL supports. */
const MAX_ALIGN = 8;
/** Page header (PageHeaderData) and btree special space (BTPageOpaqueData). */
const PAGE_HEADER = 24;
const BTREE_OPAQUE = 16;
/** IndexTupleData, and the null bitmap added when a column may be null. */
const INDEX_TUPLE_HEADER = 8;
const NULL_BITMAP = 4;
/** ItemIdData: the line pointer of each tuple. */
const ITEM_ID = 4;

const align = (bytes: number) => Math.ceil(bytes / MAX_ALIGN) * MAX_ALIGN;

/**
 * The statistics-based btree bloat estimate (after the well-known query of
 * ioguix/pgsql-bloat-estimation): the pages a fresh build would need — live tuples × (line
 * pointer + aligned tuple header + aligned average key width, nulls taking no room), packed at the
 * fillfactor, plus the metapage — against the pages the index has. Undefined when the statistics
 * are missing (never analyzed, or no `pg_stats` row of some column): then nothing can be said.
 * It reads only the catalogs, so it costs nothing however large the index; it is as fresh as the
 * last ANALYZE, and it cannot see deduplication, so an index of many equal keys shows no bloat
 * rather than too much.
 */
export function estimateBtreeBloat(stats: BtreeIndexStatistics): BloatEstimate | undefined {
  if (stats.tuples < 0 || stats.pages <= 0 || stats.columns.length === 0) return undefined;
  const nullable = stats.columns.some((column) => column.nullFrac > 0);
  const header = align(INDEX_TUPLE_HEADER + (nullable ? NULL_BITMAP : 0));
  const data = stats.columns.reduce((sum, column) => sum + (1 - column.nullFrac) * column.avgWidth, 0);
  const tupleBytes = ITEM_ID + header + align(data);
  const usable = ((stats.blockSize - PAGE_HEADER - BTREE_OPAQUE) * stats.fillfactor) / 100;
  const perPage = Math.max(1, Math.floor(usable / tupleBytes));
  const idealPages = 1 + Math.ceil(stats.tuples / perPage);
  const extraPages = Math.max(0, stats.pages - idealPages);
  return {
    bloatPercent: Math.round((1_000 * extraPages) / stats.pages) / 10,
    wastedBytes: extraPages * stats.blockSize,
  };
}

/**
 * The same figures from `pgstatindex` (pgstattuple), which reads every page of the index: the leaf
 * pages' free room beyond what the fillfactor leaves free, plus deleted and empty pages.
 */
export function bloatFromPgstatindex(stat: {
  readonly indexBytes: number;
  readonly leafPages: number;
  readonly deletedPages: number;
  readonly emptyPages: number;
  /** Average fullness of the leaf pages, %; NaN for an index without leaf pages. */
  readonly avgLeafDensity: number;
  readonly fillfactor: number;
  readonly blockSize: number;
}): BloatEstimate {
  const pages = stat.indexBytes / stat.blockSize;
  const density = Number.isFinite(stat.avgLeafDensity) ? stat.avgLeafDensity : stat.fillfactor;
  const sparseLeaves = stat.leafPages * Math.max(0, 1 - density / stat.fillfactor);
  const extraPages = Math.min(pages, sparseLeaves + stat.deletedPages + stat.emptyPages);
  return {
    bloatPercent: pages > 0 ? Math.round((1_000 * extraPages) / pages) / 10 : 0,
    wastedBytes: Math.round(extraPages) * stat.blockSize,
  };
}

/** Fragmentation of one SQL Server index, as `sys.dm_db_index_physical_stats` reports it. */
export interface MssqlIndexFragmentation {
  readonly table: string;
  readonly index: string;
  readonly fragmentationPercent: number;
  readonly pageCount: number;
}

/** The query listing the database's indexes with their fragmentation (LIMITED scan). */
export const MSSQL_FRAGMENTATION_QUERY = `select t.name as [table], i.name as [index],
  s.avg_fragmentation_in_percent as fragmentationPercent, s.page_count as pageCount
from sys.dm_db_index_physical_stats(db_id(), null, null, null, 'LIMITED') s
join sys.indexes i on i.object_id = s.object_id and i.index_id = s.index_id
join sys.tables t on t.object_id = s.object_id
where i.name is not null and s.index_level = 0
order by t.name, s.avg_fragmentation_in_percent desc`;

const quote = (name: string) => `[${name.replace(/]/g, ']]')}]`;

/**
 * The maintenance statement of an index by its fragmentation, as Microsoft's guidance has it:
 * under `reorganizeFrom` percent (or under `minPages` pages) nothing, up to `rebuildFrom` percent
 * `REORGANIZE`, above it `REBUILD` (`ONLINE = ON` where the edition allows it, so writes go on).
 */
export function mssqlIndexStatement(
  index: MssqlIndexFragmentation,
  options: { reorganizeFrom: number; rebuildFrom: number; minPages: number; online: boolean },
): string | undefined {
  if (index.pageCount < options.minPages || index.fragmentationPercent < options.reorganizeFrom)
    return undefined;
  const target = `${quote(index.index)} on ${quote(index.table)}`;
  if (index.fragmentationPercent < options.rebuildFrom) return `alter index ${target} reorganize`;
  return `alter index ${target} rebuild${options.online ? ' with (online = on)' : ''}`;
}

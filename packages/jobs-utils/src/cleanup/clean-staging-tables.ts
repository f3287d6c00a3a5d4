import type { ConsoDb } from '@hangar/conso-db';
import { sql } from 'kysely';
import type { CleanupCount, CleanupRun } from './cleanup-kinds.js';

/** The names the import pack gives its staging tables: `ie_<what>_<8 hex digits>`. */
export const STAGING_TABLE_NAME = /^ie_[a-z_]+_[0-9a-f]{8}$/;

async function leftovers(conso: ConsoDb): Promise<{ name: string; bytes: number | null }[]> {
  if (conso.dialect === 'postgres') {
    const { rows } = await sql<{ name: string; bytes: string | number }>`
      select c.relname as name, pg_total_relation_size(c.oid) as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = current_schema() and c.relname like 'ie\\_%'`.execute(conso.db);
    return rows.map((row) => ({ name: row.name, bytes: Number(row.bytes) }));
  }
  if (conso.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name like 'ie\\_%' escape '\\'`.execute(
      conso.db,
    );
    return rows.map((row) => ({ name: row.name, bytes: null }));
  }
  return []; // SQL Server stages in #temp tables, which end with their session
}

/**
 * Drops staging tables an interrupted import left in the database's own schema. The import pack
 * stages in temporary tables, which the database drops itself at commit or when the session ends
 * (PostgreSQL's autovacuum also drops the temporary tables of a crashed session); what can stay
 * behind is a permanent table of that name, which this finds by the pack's naming pattern.
 */
export async function cleanStagingTables(conso: ConsoDb, run: CleanupRun): Promise<CleanupCount> {
  const tables = (await leftovers(conso)).filter((table) => STAGING_TABLE_NAME.test(table.name));
  let bytes: number | null = conso.dialect === 'postgres' ? 0 : null;
  let count = 0;
  for (const table of tables) {
    run.ctx.checkpoint();
    if (!run.dryRun) await sql`drop table if exists ${sql.id(table.name)}`.execute(conso.db);
    count += 1;
    if (bytes !== null) bytes += table.bytes ?? 0;
    run.progress(count);
  }
  return { kind: 'staging', count, bytes };
}

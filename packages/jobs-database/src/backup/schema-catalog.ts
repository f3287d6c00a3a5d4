import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import { BackupInvalidError } from '../errors/backup-invalid-error.js';

/** One single-column foreign key, as the database declares it. */
export interface CatalogReference {
  readonly column: string;
  /** The table it points to, and the column there (`id`, or `code` for currencies). */
  readonly table: string;
  readonly targetColumn: string;
  readonly nullable: boolean;
}

/** A table as the database describes it. */
export interface CatalogTable {
  readonly name: string;
  /** Columns in their declared order. */
  readonly columns: readonly string[];
  readonly references: readonly CatalogReference[];
}

/**
 * Every table of the consolidation database with its columns and foreign keys, read from the
 * database's own catalog (PostgreSQL: the current schema; SQLite: the main database). Read at run
 * time, not from a list in the code, so tables a later migration adds are covered the day they
 * exist.
 */
export async function readSchemaCatalog(db: Kysely<ConsoDatabase>): Promise<Map<string, CatalogTable>> {
  const dialect = consoDialectOf(db);
  if (dialect === 'postgres') return postgresCatalog(db);
  if (dialect === 'sqlite') return sqliteCatalog(db);
  throw new BackupInvalidError('scope', 'customer', `customer archives are not supported on ${dialect}`);
}

async function postgresCatalog(db: Kysely<ConsoDatabase>): Promise<Map<string, CatalogTable>> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string; nullable: boolean }>`
    select c.relname as table_name, a.attname as column_name, not a.attnotnull as nullable
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname, a.attnum`.execute(db);
  const { rows: keys } = await sql<{
    table_name: string;
    column_name: string;
    target_table: string;
    target_column: string;
    parts: number;
  }>`
    select cl.relname as table_name, a.attname as column_name, rc.relname as target_table,
      ra.attname as target_column, cardinality(k.conkey) as parts
    from pg_constraint k
    join pg_class cl on cl.oid = k.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_class rc on rc.oid = k.confrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = k.confkey[1]
    where k.contype = 'f' and n.nspname = current_schema()
    order by cl.relname, a.attnum`.execute(db);
  return assemble(
    columns.map((row) => ({ table: row.table_name, column: row.column_name, nullable: row.nullable })),
    keys.map((row) => ({
      table: row.table_name,
      column: row.column_name,
      target: row.target_table,
      targetColumn: row.target_column,
      parts: Number(row.parts),
    })),
  );
}

async function sqliteCatalog(db: Kysely<ConsoDatabase>): Promise<Map<string, CatalogTable>> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  const columns: RawColumn[] = [];
  const keys: RawKey[] = [];
  for (const { name } of tables) {
    const { rows: info } = await sql<{ name: string; notnull: number }>`
      select name, "notnull" from pragma_table_info(${name})`.execute(db);
    for (const row of info) columns.push({ table: name, column: row.name, nullable: row.notnull === 0 });
    const { rows: fks } = await sql<{ id: number; table: string; from: string; to: string | null }>`
      select id, "table", "from", "to" from pragma_foreign_key_list(${name})`.execute(db);
    const parts = new Map<number, number>();
    for (const fk of fks) parts.set(fk.id, (parts.get(fk.id) ?? 0) + 1);
    for (const fk of fks) {
      keys.push({
        table: name,
        column: fk.from,
        target: fk.table,
        targetColumn: fk.to ?? 'id',
        parts: parts.get(fk.id) ?? 1,
      });
    }
  }
  return assemble(columns, keys);
}

interface RawColumn {
  table: string;
  column: string;
  nullable: boolean;
}
interface RawKey {
  table: string;
  column: string;
  target: string;
  targetColumn: string;
  parts: number;
}

function assemble(columns: readonly RawColumn[], keys: readonly RawKey[]): Map<string, CatalogTable> {
  const byTable = new Map<
    string,
    { columns: string[]; nullable: Set<string>; references: CatalogReference[] }
  >();
  for (const { table, column, nullable } of columns) {
    const entry = byTable.get(table) ?? { columns: [], nullable: new Set<string>(), references: [] };
    entry.columns.push(column);
    if (nullable) entry.nullable.add(column);
    byTable.set(table, entry);
  }
  for (const key of keys) {
    // A key over several columns cannot be remapped column by column; the schema has none.
    if (key.parts !== 1)
      throw new BackupInvalidError(
        'scope',
        'customer',
        `${key.table} has a foreign key over several columns`,
      );
    const entry = byTable.get(key.table);
    entry?.references.push({
      column: key.column,
      table: key.target,
      targetColumn: key.targetColumn,
      nullable: entry.nullable.has(key.column),
    });
  }
  return new Map(
    [...byTable].map(([name, entry]) => [
      name,
      { name, columns: entry.columns, references: entry.references },
    ]),
  );
}

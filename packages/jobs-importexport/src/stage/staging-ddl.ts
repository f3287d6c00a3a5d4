import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { ConsoDialect } from '../db/conso-db.js';
import { ROW_NO, type StagingColumn, type StagingType } from './staging-table.js';

const TYPES: { readonly [D in ConsoDialect]: Readonly<Record<StagingType, string>> } = {
  postgres: { integer: 'integer', text: 'text', amount: 'numeric', flag: 'boolean' },
  sqlite: { integer: 'integer', text: 'text', amount: 'real', flag: 'integer' },
  mssql: { integer: 'int', text: 'nvarchar(400)', amount: 'decimal(38, 12)', flag: 'bit' },
};

/** A fresh name for a temporary table; `#`-prefixed on SQL Server, where that makes it temporary. */
export function stagingTableName(dialect: ConsoDialect, base: string): string {
  const name = `ie_${base}_${randomBytes(4).toString('hex')}`;
  return dialect === 'mssql' ? `#${name}` : name;
}

/**
 * Creates a temporary staging table in the current transaction. PostgreSQL drops it at commit and
 * SQLite and SQL Server at the end of the session; importers also drop it when done.
 */
export async function createStagingTableDdl(
  db: Kysely<unknown>,
  dialect: ConsoDialect,
  name: string,
  columns: readonly StagingColumn[],
): Promise<void> {
  const types = TYPES[dialect];
  const defs = [
    sql`${sql.id(ROW_NO)} ${sql.raw(types.integer)} not null`,
    ...columns.map((column) => sql`${sql.id(column.name)} ${sql.raw(types[column.type])}`),
  ];
  const body = sql.join(defs);
  switch (dialect) {
    case 'postgres':
      await sql`create temporary table ${sql.id(name)} (${body}) on commit drop`.execute(db);
      break;
    case 'sqlite':
      await sql`create temporary table ${sql.id(name)} (${body})`.execute(db);
      break;
    case 'mssql':
      await sql`create table ${sql.id(name)} (${body})`.execute(db);
      break;
  }
}

/** Drops a staging table. */
export async function dropStagingTable(db: Kysely<unknown>, name: string): Promise<void> {
  await sql`drop table ${sql.id(name)}`.execute(db);
}

/**
 * Readies a filled PostgreSQL staging table for the set-based statements. An index on `row_no`
 * lets the target be written in file order by reading the table in order (rows are staged in file
 * order) instead of sorting a million wide rows on disk, a second saved for a third of one. And
 * temporary tables are never auto-analyzed: without statistics the planner takes a million staged
 * rows for one and loops where it should hash-join.
 */
export async function indexAndAnalyze(db: Kysely<unknown>, name: string): Promise<void> {
  await sql`create index ${sql.id(`${name}_row_no`)} on ${sql.table(name)} (${sql.id(ROW_NO)})`.execute(db);
  await sql`analyze ${sql.table(name)}`.execute(db);
}

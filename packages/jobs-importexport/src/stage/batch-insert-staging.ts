import { type Kysely, sql } from 'kysely';
import type { ConsoDialect } from '../db/conso-db.js';
import { ROW_NO, type StagingColumn, type StagingTable, type StagingValue } from './staging-table.js';

/** Bind-parameter budget per statement: SQLite 3.32+ allows 32766; SQL Server 2100 (minus 2 for sp_executesql). */
const PARAMETER_LIMIT: Readonly<Record<'sqlite' | 'mssql', number>> = { sqlite: 32766, mssql: 2098 };
/** SQL Server refuses more than 1000 rows in one VALUES list. */
const MSSQL_MAX_ROWS = 1000;

/**
 * Stages rows with multi-row prepared INSERTs sized to the dialect's parameter limit: SQLite (where
 * a transaction of batched inserts is the fast path) and SQL Server (compiled-only here).
 */
export class BatchInsertStaging implements StagingTable {
  private batch: StagingValue[][] = [];
  private staged = 0;
  private readonly batchRows: number;

  constructor(
    private readonly db: Kysely<unknown>,
    dialect: Exclude<ConsoDialect, 'postgres'>,
    readonly name: string,
    readonly columns: readonly StagingColumn[],
  ) {
    const perRow = columns.length + 1;
    const rows = Math.floor(PARAMETER_LIMIT[dialect] / perRow);
    this.batchRows = Math.max(1, dialect === 'mssql' ? Math.min(rows, MSSQL_MAX_ROWS) : rows);
  }

  async append(rowNo: number, values: readonly StagingValue[]): Promise<void> {
    this.batch.push([rowNo, ...values]);
    if (this.batch.length >= this.batchRows) await this.flush();
  }

  async finish(): Promise<number> {
    await this.flush();
    return this.staged;
  }

  async abort(): Promise<void> {
    this.batch = [];
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    const names = sql.join(
      [ROW_NO, ...this.columns.map((column) => column.name)].map((name) => sql.id(name)),
    );
    const tuples = sql.join(rows.map((row) => sql`(${sql.join(row.map((value) => sql.val(value)))})`));
    await sql`insert into ${sql.id(this.name)} (${names}) values ${tuples}`.execute(this.db);
    this.staged += rows.length;
  }
}

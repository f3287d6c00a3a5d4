import { type Kysely, type RawBuilder, sql } from 'kysely';
import { indexAndAnalyze } from './staging-ddl.js';
import { ROW_NO, type StagingColumn, type StagingTable } from './staging-table.js';

/**
 * A PostgreSQL staging table filled inside the database by one `INSERT … SELECT` (from a raw COPY
 * table), so its rows never pass through Node. Rows cannot be appended one by one.
 */
export class InsertSelectStaging implements StagingTable {
  private staged = 0;

  constructor(
    private readonly db: Kysely<unknown>,
    readonly name: string,
    readonly columns: readonly StagingColumn[],
  ) {}

  /** Inserts the rows of `select`, which yields `row_no` then the columns in order; returns their number. */
  async fill(select: RawBuilder<unknown>): Promise<number> {
    const names = sql.join(
      [ROW_NO, ...this.columns.map((column) => column.name)].map((name) => sql.id(name)),
    );
    const result = await sql`insert into ${sql.table(this.name)} (${names}) ${select}`.execute(this.db);
    this.staged += Number(result.numAffectedRows ?? 0n);
    await indexAndAnalyze(this.db, this.name);
    return this.staged;
  }

  async append(): Promise<void> {
    throw new TypeError(`staging table ${this.name} is filled by INSERT … SELECT, not row by row`);
  }

  async finish(): Promise<number> {
    return this.staged;
  }

  async abort(): Promise<void> {}
}

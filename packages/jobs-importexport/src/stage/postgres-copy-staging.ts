import { copyText, PostgresCopyInput } from '@hangar/conso-db/postgres-copy';
import type { Kysely } from 'kysely';
import { indexAndAnalyze } from './staging-ddl.js';
import { ROW_NO, type StagingColumn, type StagingTable, type StagingValue } from './staging-table.js';

/** Bytes buffered before one write to the COPY stream. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Stages rows into a PostgreSQL temporary table through `COPY FROM STDIN` (pg-copy-streams) on the
 * transaction's connection: the fastest bulk path, with backpressure so memory stays flat.
 */
export class PostgresCopyStaging implements StagingTable {
  private input: PostgresCopyInput | undefined;
  private buffer = '';
  private staged = 0;
  private done = false;

  constructor(
    private readonly db: Kysely<unknown>,
    readonly name: string,
    readonly columns: readonly StagingColumn[],
  ) {}

  async append(rowNo: number, values: readonly StagingValue[]): Promise<void> {
    let line = String(rowNo);
    for (const value of values) line += `\t${copyText(value)}`;
    this.buffer += `${line}\n`;
    this.staged += 1;
    if (this.buffer.length >= CHUNK_BYTES) await this.flush();
  }

  async finish(): Promise<number> {
    if (this.done) return this.staged;
    this.done = true;
    if (this.staged === 0) return 0;
    await this.flush();
    await this.input?.end();
    await indexAndAnalyze(this.db, this.name);
    return this.staged;
  }

  async abort(reason: unknown): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.input?.abort(reason);
  }

  private async flush(): Promise<void> {
    if (this.buffer === '') return;
    this.input ??= await this.open();
    const chunk = this.buffer;
    this.buffer = '';
    await this.input.write(chunk);
  }

  private async open(): Promise<PostgresCopyInput> {
    const columns = [ROW_NO, ...this.columns.map((column) => column.name)]
      .map((name) => `"${name}"`)
      .join(', ');
    return PostgresCopyInput.start(this.db, `copy "${this.name}" (${columns}) from stdin`);
  }
}

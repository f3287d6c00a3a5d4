import { type ConsoDatabase, type ConsoDb, type ConsoDialect, consoDialectOf } from '@hangar/conso-db';
import type { JobContext } from '@hangar/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { inCancellableTransaction } from '../cancellation/cancellable-transaction.js';
import type { DeletionStep } from './deletion-plan.js';

/** One committed batch of a deletion. */
export interface DeletedBatch {
  /** 1-based index of the step (table) in the plan. */
  readonly step: number;
  /** Steps in the plan. */
  readonly steps: number;
  /** The table. */
  readonly table: string;
  /** Rows this batch removed (or updated). */
  readonly rows: number;
  /** Rows of this table so far. */
  readonly tableRows: number;
}

/** How to run a deletion plan. */
export interface DeletionRun {
  readonly consoDb: ConsoDb;
  readonly steps: readonly DeletionStep[];
  /** Rows per batch (one company's consolidated data per batch whatever the size). */
  readonly batchSize: number;
  /** The job's signal and checkpoint: cancelling stops the running statement, then the run. */
  readonly ctx: Pick<JobContext, 'signal' | 'checkpoint'>;
  /** Called after each batch's commit (progress). */
  readonly afterBatch?: (batch: DeletedBatch) => void | Promise<void>;
  /**
   * Called inside each batch's transaction, after its statement and before the commit: lets a
   * caller observe what a batch holds while it is open (tests use it to prove others are not
   * blocked, and to crash between a batch and the next).
   */
  readonly insideBatch?: (trx: Kysely<ConsoDatabase>, batch: DeletedBatch) => Promise<void>;
}

/**
 * Works a plan off step by step, each step in batches of at most `batchSize` rows, each batch in
 * its own short transaction, so no lock is held for long and a crash loses at most one batch (its
 * transaction rolls back). The plan's conditions select what is left, so running it again after
 * a crash carries on where the last committed batch stopped. Returns the rows per table.
 */
export async function runDeletion(run: DeletionRun): Promise<Record<string, number>> {
  const dialect = consoDialectOf(run.consoDb.db);
  const counts: Record<string, number> = {};
  for (const [index, step] of run.steps.entries()) {
    const statement = batchStatement(dialect, step, run.batchSize);
    let tableRows = 0;
    for (;;) {
      run.ctx.checkpoint();
      let batch: DeletedBatch | undefined;
      await inCancellableTransaction(run.consoDb, run.ctx, async (trx) => {
        const result = await statement.execute(trx);
        const rows = Number(result.numAffectedRows ?? 0n);
        tableRows += rows;
        batch = { step: index + 1, steps: run.steps.length, table: step.table, rows, tableRows };
        await run.insideBatch?.(trx, batch);
      });
      if (batch === undefined) break;
      await run.afterBatch?.(batch);
      // A short id batch means nothing is left; a company batch ends only on an empty one.
      if (batch.rows === 0 || (step.key === 'id' && batch.rows < run.batchSize)) break;
    }
    counts[step.table] = (counts[step.table] ?? 0) + tableRows;
  }
  return counts;
}

/**
 * One batch: `delete from t where <cond> and key in (select key from t where <cond> limit n)`.
 * The inner select picks the next rows by their key, so each batch touches a bounded set of rows
 * through the key's index instead of scanning and locking the whole selection.
 */
function batchStatement(dialect: ConsoDialect, step: DeletionStep, batchSize: number): RawBuilder<unknown> {
  const table = sql.table(step.table);
  const key = sql.ref(step.key);
  const size = sql.lit(step.key === 'id' ? batchSize : 1);
  const distinct = step.key === 'id' ? sql`` : sql`distinct `;
  const pick =
    dialect === 'mssql'
      ? sql`select ${distinct}top (${size}) ${key} from ${table} where ${step.where}`
      : sql`select ${distinct}${key} from ${table} where ${step.where} limit ${size}`;
  if (step.action === 'delete') return sql`delete from ${table} where ${step.where} and ${key} in (${pick})`;
  const column = sql.ref(step.action.setNull);
  return sql`update ${table} set ${column} = null where ${step.where} and ${key} in (${pick})`;
}

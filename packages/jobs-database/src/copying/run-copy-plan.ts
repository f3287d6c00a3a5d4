import type { ConsoDatabase } from '@hangar/conso-db';
import { type JobContext, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { type InsertSelect, insertSelect } from './insert-select.js';

/**
 * Runs a copy plan's statements in order inside the caller's transaction, reporting each table as
 * `conso.progress.copying` (table i of n) and stopping at a cancellation between statements.
 * Returns the rows inserted per table.
 */
export async function runCopyPlan(
  trx: Kysely<ConsoDatabase>,
  plan: readonly InsertSelect[],
  ctx: Pick<JobContext, 'checkpoint' | 'progress'>,
  names: { source: string; target: string },
): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const [index, step] of plan.entries()) {
    ctx.checkpoint();
    ctx.progress(t('conso.progress.copying', { ...names, table: step.table }), {
      current: index + 1,
      total: plan.length,
    });
    rows[step.table] = await insertSelect(trx, step);
  }
  return rows;
}

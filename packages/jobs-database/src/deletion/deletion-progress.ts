import { type JobContext, t } from '@hangar/core';
import type { DeletedBatch } from './run-deletion.js';

/** Reports each committed batch as translated progress: the table, its rows so far, step i of n. */
export function deletionProgress(ctx: Pick<JobContext, 'progress'>, target: string) {
  return (batch: DeletedBatch): void =>
    ctx.progress(t('conso.progress.deleting', { target, table: batch.table, rows: batch.tableRows }), {
      current: batch.step,
      total: batch.steps,
    });
}

/** Warns that the run carries on a deletion that an earlier run started and did not finish. */
export function warnResumed(ctx: Pick<JobContext, 'warn'>, target: string, since: string): void {
  ctx.warn(t('conso.warning.deletionResumed', { target, since }));
}

import { type ClosingStage, type ConsoDatabase, type ConsoRow, logModification } from '@hangar/conso-db';
import { type JobContext, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type { StatusRow } from './closing-board.js';

/** A reminder a run recorded. */
export interface Reminder {
  readonly company: string;
  readonly stage: ClosingStage;
  readonly deadline: string;
}

/**
 * Reminds every company that is late — a stage whose deadline (an ISO date) is before `today`
 * and that it has not reached — once per company, stage and day: a job warning and a
 * modification-log entry, and `<stage>_reminded_on` set to `today` so a second run that day
 * stays quiet.
 */
export async function remindLateCompanies(
  trx: Kysely<ConsoDatabase>,
  ctx: JobContext,
  process: ConsoRow<'closing_processes'>,
  conso: ConsoRecord,
  board: readonly StatusRow[],
  today: string,
): Promise<Reminder[]> {
  const reminders: Reminder[] = [];
  for (const stage of ['submitted', 'validated', 'consolidated'] as const) {
    const deadline = process[`${stage}_deadline`];
    if (deadline === null || deadline >= today) continue;
    for (const row of board) {
      if (row[`${stage}_at`] !== null || row[`${stage}_reminded_on`] === today) continue;
      await trx
        .updateTable('closing_company_status')
        .set({ [`${stage}_reminded_on`]: today })
        .where('id', '=', row.id)
        .execute();
      const params = {
        conso: conso.code,
        company: row.code,
        stage: `conso.process.stage.${stage}`,
        deadline,
      };
      ctx.warn(t('conso.warning.processLate', params));
      await logModification(trx, {
        customerId: conso.customer_id,
        logGroup: ctx.jobId,
        messageKey: 'conso.log.processReminder',
        params,
        consoId: conso.id,
        screen: ctx.type,
      });
      reminders.push({ company: row.code, stage, deadline });
    }
  }
  return reminders;
}

import { type ConsoDatabase, logModification } from '@hangar/conso-db';
import type { JobContext } from '@hangar/core';
import type { Kysely } from 'kysely';
import { checkpointTurn } from '../cancellation/checkpoint-turn.js';

/** The period a closing works on, inside its customer. */
export interface ClosingTarget {
  readonly customerId: number;
  readonly periodId: number;
  readonly periodCode: string;
  readonly consos: readonly {
    readonly id: number;
    readonly code: string;
    readonly locked: number;
    readonly locked_by: string | null;
  }[];
}

/** What closing or reopening changed. */
export interface ClosingOutcome {
  /** Consos this run locked (closing) or unlocked (reopening). */
  readonly consos: readonly string[];
  /** False when the period already was in the state asked for (nothing changed). */
  readonly changed: boolean;
}

const SCREEN = 'utils.close-period';

/**
 * Closes the period in one transaction: locks each of its consos not locked yet (as `login`),
 * marks the period closed, and writes the modification log. Already closed: changes nothing.
 */
export async function closePeriod(
  trx: Kysely<ConsoDatabase>,
  target: ClosingTarget,
  login: string,
  ctx: JobContext,
  progress: (done: number) => void,
): Promise<ClosingOutcome> {
  const at = new Date().toISOString();
  const closed = await trx
    .updateTable('periods')
    .set({ closed_at: at, closed_by: login })
    .where('id', '=', target.periodId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (closed.numUpdatedRows === 0n) return { consos: [], changed: false };
  const locked: string[] = [];
  for (const [index, conso] of target.consos.entries()) {
    await checkpointTurn(ctx);
    const result = await trx
      .updateTable('consos')
      .set({ locked: 1, locked_by: login, locked_at: at })
      .where('id', '=', conso.id)
      .where('locked', '=', 0)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n) {
      locked.push(conso.code);
      await logModification(trx, {
        customerId: target.customerId,
        logGroup: ctx.jobId,
        messageKey: 'utils.log.consoLockedForClosing',
        params: { conso: conso.code, period: target.periodCode, login },
        consoId: conso.id,
        screen: SCREEN,
      });
    }
    progress(index + 1);
  }
  await logModification(trx, {
    customerId: target.customerId,
    logGroup: ctx.jobId,
    messageKey: 'utils.log.periodClosed',
    params: { period: target.periodCode, login, consos: locked.length },
    screen: SCREEN,
  });
  return { consos: locked, changed: true };
}

/** Reopens the period: unlocks the consos its closing locked (same login) and clears the mark. */
export async function reopenPeriod(
  trx: Kysely<ConsoDatabase>,
  target: ClosingTarget,
  login: string,
  ctx: JobContext,
): Promise<ClosingOutcome> {
  const period = await trx
    .selectFrom('periods')
    .select(['closed_by'])
    .where('id', '=', target.periodId)
    .where('closed_at', 'is not', null)
    .executeTakeFirst();
  if (period === undefined) return { consos: [], changed: false };
  ctx.checkpoint();
  const unlocked = target.consos
    .filter((conso) => conso.locked === 1 && conso.locked_by !== null && conso.locked_by === period.closed_by)
    .map((conso) => conso.code);
  if (period.closed_by !== null) {
    await trx
      .updateTable('consos')
      .set({ locked: 0, locked_by: null, locked_at: null })
      .where('period_id', '=', target.periodId)
      .where('locked_by', '=', period.closed_by)
      .execute();
  }
  await trx
    .updateTable('periods')
    .set({ closed_at: null, closed_by: null })
    .where('id', '=', target.periodId)
    .execute();
  await logModification(trx, {
    customerId: target.customerId,
    logGroup: ctx.jobId,
    messageKey: 'utils.log.periodReopened',
    params: { period: target.periodCode, login },
    screen: SCREEN,
  });
  return { consos: unlocked, changed: true };
}

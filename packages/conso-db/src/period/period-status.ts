import type { Kysely } from 'kysely';
import { PeriodClosedError } from '../errors/period-closed-error.js';
import type { ConsoDatabase } from '../schema/conso-database.js';

/** A closed period, as {@link closedPeriods} reads it. */
export interface ClosedPeriod {
  readonly id: number;
  readonly code: string;
  readonly closedBy: string;
  readonly closedAt: string;
}

/** The periods among `periodIds` that are closed, ordered by code. */
export async function closedPeriods(
  db: Kysely<ConsoDatabase>,
  periodIds: Iterable<number>,
): Promise<ClosedPeriod[]> {
  const ids = [...new Set(periodIds)];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('periods')
    .select(['id', 'code', 'closed_by', 'closed_at'])
    .where('id', 'in', ids)
    .where('closed_at', 'is not', null)
    .orderBy('code')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    closedBy: row.closed_by ?? '?',
    closedAt: row.closed_at ?? '?',
  }));
}

/**
 * The one check every import and consolidation makes before it writes: throws
 * `PeriodClosedError` (naming the first closed period by code, who closed it and when) when any
 * of these periods is closed. Pass the transaction that will write, so a period closed meanwhile
 * is seen.
 *
 * @example
 * ```ts
 * await assertPeriodsOpen(trx, [conso.period_id]);
 * ```
 */
export async function assertPeriodsOpen(
  db: Kysely<ConsoDatabase>,
  periodIds: Iterable<number>,
): Promise<void> {
  const [closed] = await closedPeriods(db, periodIds);
  if (closed !== undefined) throw new PeriodClosedError(closed.code, closed.closedBy, closed.closedAt);
}

/** {@link assertPeriodsOpen} for the periods of these consos (an import of journals, a conso run). */
export async function assertConsoPeriodsOpen(
  db: Kysely<ConsoDatabase>,
  consoIds: Iterable<number>,
): Promise<void> {
  const ids = [...new Set(consoIds)];
  if (ids.length === 0) return;
  const rows = await db.selectFrom('consos').select('period_id').where('id', 'in', ids).execute();
  await assertPeriodsOpen(
    db,
    rows.map((row) => row.period_id),
  );
}

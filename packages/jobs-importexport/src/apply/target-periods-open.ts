import { assertPeriodsOpen, type ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { StagingTable } from '../stage/staging-table.js';
import type { ApplyTarget } from './apply-target.js';

/**
 * Refuses (`PeriodClosedError`) to write a target whose rows fall in a closed period: the period
 * of the import (`constants.period_id`), those named row by row in the file (a staged
 * `period_id`, as exchange rates and generic imports have), and the periods of the consos written
 * (`conso_id`). Runs in the writing transaction before its first statement, so the import writes
 * nothing and sees a period closed since the job started.
 */
export async function assertTargetPeriodsOpen(
  trx: Kysely<unknown>,
  staging: StagingTable,
  target: ApplyTarget,
): Promise<void> {
  const periodIds = new Set<number>();
  const consoIds = new Set<number>();
  const constants = target.constants ?? {};
  if (typeof constants.period_id === 'number') periodIds.add(constants.period_id);
  if (typeof constants.conso_id === 'number') consoIds.add(constants.conso_id);
  const staged = (column: string) => target.columns.some((c) => c.name === column);
  const s = sql.table(staging.name);
  if (staged('period_id')) {
    const rows = await sql<{ id: number | string | null }>`select distinct period_id as id from ${s}`.execute(
      trx,
    );
    for (const row of rows.rows) if (row.id !== null) periodIds.add(Number(row.id));
  }
  if (staged('conso_id')) {
    const rows = await sql<{ id: number | string | null }>`select distinct conso_id as id from ${s}`.execute(
      trx,
    );
    for (const row of rows.rows) if (row.id !== null) consoIds.add(Number(row.id));
  }
  if (consoIds.size > 0) {
    const rows = await (trx as Kysely<ConsoDatabase>)
      .selectFrom('consos')
      .select('period_id')
      .where('id', 'in', [...consoIds])
      .execute();
    for (const row of rows) periodIds.add(row.period_id);
  }
  await assertPeriodsOpen(trx as Kysely<ConsoDatabase>, periodIds);
}

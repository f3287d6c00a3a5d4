import { assertConsoPeriodsOpen } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { ImportMode } from '../apply/write-staged-rows.js';
import type { ConsoDatabase } from '../db/conso-db.js';
import { ROW_NO, type StagingTable } from '../stage/staging-table.js';

/** Where staged journal lines go: a conso, optionally only the journals of some companies. */
export interface JournalScope {
  consoId: number;
  /** When set, replace mode only deletes journals of these companies. */
  companyIds?: readonly number[] | undefined;
}

/**
 * Writes staged journal lines: `replace` deletes the scope's journals, `merge` the journals whose
 * codes are staged (a journal is upserted whole); then journals are inserted from the grouped
 * staging rows and their lines joined to the new journal ids, all set-based.
 */
export async function writeStagedJournals(
  trx: Kysely<ConsoDatabase>,
  staging: StagingTable,
  scope: JournalScope,
  mode: ImportMode,
  createdAt: string,
): Promise<{ deleted: number; inserted: number; updated: number }> {
  // Checked again in the writing transaction: a period closed since the job started is seen.
  await assertConsoPeriodsOpen(trx, [scope.consoId]);
  const s = sql.table(staging.name);
  let doomed = trx.selectFrom('adjustment_journals').select('id').where('conso_id', '=', scope.consoId);
  if (mode === 'merge') {
    doomed = doomed.where(sql<boolean>`${sql.ref('code')} in (select ${sql.ref('journal_code')} from ${s})`);
  } else if (scope.companyIds) {
    doomed = doomed.where('company_id', 'in', scope.companyIds.length ? [...scope.companyIds] : [-1]);
  }
  const deletedLines = await trx
    .deleteFrom('adjustment_lines')
    .where('journal_id', 'in', doomed)
    .executeTakeFirst();
  await trx.deleteFrom('adjustment_journals').where('id', 'in', doomed).executeTakeFirst();
  await sql`insert into ${sql.table('adjustment_journals')} (conso_id, code, description, company_id, currency, is_balanced, created_by, created_at)
    select ${scope.consoId}, journal_code, min(coalesce(description, '')), min(company_id), min(currency), 1, min(created_by), ${createdAt}
    from ${s} group by journal_code order by min(${sql.ref(ROW_NO)})`.execute(trx);
  const lines =
    await sql`insert into ${sql.table('adjustment_lines')} (journal_id, account_id, partner_company_id, flow_id, dimension, amount)
    select j.id, s.account_id, s.partner_company_id, s.flow_id, s.dimension, s.amount
    from ${s} as s join ${sql.table('adjustment_journals')} as j on j.conso_id = ${scope.consoId} and j.code = s.journal_code
    order by s.${sql.ref(ROW_NO)}`.execute(trx);
  // Counts are of journal lines, the rows of the file.
  return {
    deleted: Number(deletedLines.numDeletedRows),
    inserted: Number(lines.numAffectedRows ?? 0n),
    updated: 0,
  };
}

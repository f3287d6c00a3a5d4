import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type { AdjustmentJournal, LineInput } from '../engine/index.js';
import type { LoadedChart } from './chart-loader.js';
import type { MasterCodes } from './master-codes-loader.js';

/** An adjustment journal with its database id. */
export interface LoadedJournal extends AdjustmentJournal {
  /** `adjustment_journals.id`; the consolidated rows of the journal carry it in their step. */
  readonly id: number;
}

/** Journals of the conso, split into those to post and those never checked as balanced. */
export interface LoadedJournals {
  /** Journals to post, in id order. */
  readonly posted: LoadedJournal[];
  /** Codes of journals flagged unbalanced, which are not posted. */
  readonly skipped: string[];
}

/** Loads the conso's adjustment journals (of some companies) with their lines. */
export async function loadJournals(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  companyIds: readonly number[],
  chart: LoadedChart,
  codes: MasterCodes,
): Promise<LoadedJournals> {
  if (companyIds.length === 0) return { posted: [], skipped: [] };
  const journals = await db
    .selectFrom('adjustment_journals')
    .select(['id', 'code', 'company_id', 'currency', 'is_balanced'])
    .where('conso_id', '=', conso.id)
    .where('company_id', 'in', [...companyIds])
    .orderBy('id')
    .execute();
  const posted = journals.filter((j) => Number(j.is_balanced) === 1);
  const lines =
    posted.length === 0
      ? []
      : await db
          .selectFrom('adjustment_lines')
          .select(['journal_id', 'account_id', 'partner_company_id', 'flow_id', 'amount'])
          .where(
            'journal_id',
            'in',
            posted.map((j) => j.id),
          )
          .orderBy('id')
          .execute();
  const byJournal = new Map<number, LineInput[]>();
  for (const line of lines) {
    const list = byJournal.get(line.journal_id) ?? [];
    const partner =
      line.partner_company_id === null ? undefined : codes.companies.codeOf(line.partner_company_id);
    const flow = line.flow_id === null ? undefined : codes.flows.codeOf(line.flow_id);
    list.push({
      account: chart.accounts.codeOf(line.account_id),
      amount: Number(line.amount),
      ...(partner === undefined ? {} : { partner }),
      ...(flow === undefined ? {} : { flow }),
    });
    byJournal.set(line.journal_id, list);
  }
  return {
    posted: posted.map((j) => ({
      id: j.id,
      journal: j.code,
      company: codes.companies.codeOf(j.company_id),
      currency: j.currency,
      lines: byJournal.get(j.id) ?? [],
    })),
    skipped: journals.filter((j) => Number(j.is_balanced) !== 1).map((j) => j.code),
  };
}

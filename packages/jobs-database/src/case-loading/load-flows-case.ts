import { bulkInsert, type ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import {
  type CaseReader,
  InvalidCaseError,
  parseFlowsInput,
  TRANSLATION_DIFF_FLOW,
} from '../engine/index.js';
import { CaseFieldNotStorableError } from './case-field-not-storable-error.js';
import { flowKindOf, writeCaseMaster, writeConso, writePeriod } from './case-master-data.js';
import { id, type LoadedRunCase } from './load-run-case.js';

/** Codes of the company and currencies a flows case is loaded with. */
export const FLOWS_CASE = { company: 'FX', local: 'LCU', group: 'EUR', offset: 'FLOWS_OFFSET' } as const;

/** A loaded flows case: the conso plus the account whose flows are read back. */
export interface LoadedFlowsCase extends LoadedRunCase {
  /** The account of the case. */
  readonly account: string;
  /** The company holding it. */
  readonly company: string;
  /** A flow the case states the closing on, reported with the closing amount as the engine does. */
  readonly closingFlow?: string;
}

/**
 * Maps a Bundles.translation_of_flows case into rows: a foreign company whose bundle holds the
 * account's flows (balanced by one line on an offset account), the rates of the conso's period
 * (closing, average) and of the period before (its closing is the opening rate), and the flows
 * with their kinds plus the translation-difference flow the Bundles step posts to.
 */
export async function loadFlowsCase(db: Kysely<ConsoDatabase>, reader: CaseReader): Promise<LoadedFlowsCase> {
  const input = parseFlowsInput(reader);
  if (input.flowRates !== undefined && Object.keys(input.flowRates).length > 0) {
    throw new CaseFieldNotStorableError(
      reader.path,
      'flow_rates (per-flow transaction rates) have no column in the database model',
    );
  }
  const account = reader.field('account').string();
  const openingFlow =
    input.openingFlow ?? Object.keys(input.flowsLc).find((f) => flowKindOf(f) === 'opening');
  const flows = Object.keys(input.flowsLc)
    .filter((code) => code !== TRANSLATION_DIFF_FLOW && flowKindOf(code) !== 'closing')
    .map((code) => ({ code, kind: code === openingFlow ? ('opening' as const) : ('movement' as const) }));
  const sum = flows.reduce((acc, f) => acc + (input.flowsLc[f.code] ?? 0), 0);
  const stated =
    input.closingLc ?? Object.entries(input.flowsLc).find(([code]) => flowKindOf(code) === 'closing')?.[1];
  if (stated !== undefined && Math.abs(stated - sum) > 1e-9) {
    throw new InvalidCaseError(
      `${reader.path}.closing_lc`,
      `closing ${stated} is not the sum of the flows ${sum}`,
    );
  }
  const master = await writeCaseMaster(db, {
    groupCurrency: FLOWS_CASE.group,
    companies: [{ code: FLOWS_CASE.company, currency: FLOWS_CASE.local }],
    accounts: [
      { code: account, type: 'BS', rate: 'CC' },
      { code: FLOWS_CASE.offset, type: 'BS', rate: 'CC' },
      // Takes the translation plug of the foreign company's bundle (zero here: every line is at closing).
      { code: 'CTA', type: 'EQ', rate: 'NR', role: 'cta' },
    ],
    flows: [...flows, { code: TRANSLATION_DIFF_FLOW, kind: 'translation_diff' }],
    categories: ['ACT'],
  });
  const categoryId = master.categories.get('ACT') as number;
  const periodId = await writePeriod(db, master.customerId, 2023);
  const priorId = await writePeriod(db, master.customerId, 2022);
  const companyId = id(master.companies, FLOWS_CASE.company, 'company');
  const conso = await writeConso(db, {
    customerId: master.customerId,
    periodId,
    periodCode: '202312',
    categoryId,
    categoryCode: 'ACT',
    groupCurrency: FLOWS_CASE.group,
    parentId: companyId,
  });
  await bulkInsert(db, 'ownerships', [
    {
      conso_id: conso.id,
      company_id: companyId,
      group_pct: 1,
      control_pct: 1,
      minority_pct: 0,
      integration_pct: 1,
      method: 'G' as const,
      pct_override: 1 as const,
      method_override: 1 as const,
    },
  ]);
  await bulkInsert(db, 'exchange_rates', [
    {
      period_id: periodId,
      category_id: categoryId,
      currency: FLOWS_CASE.local,
      closing_rate: input.closing,
      average_rate: input.average,
    },
    {
      period_id: priorId,
      category_id: categoryId,
      currency: FLOWS_CASE.local,
      closing_rate: input.openingRate,
      average_rate: input.openingRate,
    },
  ]);
  const base = {
    company_id: companyId,
    period_id: periodId,
    category_id: categoryId,
    partner_company_id: null,
    dimension: null,
  };
  await bulkInsert(db, 'bundles', [
    ...flows.map((f) => ({
      ...base,
      account_id: id(master.accounts, account, 'account'),
      flow_id: id(master.flows, f.code, 'flow'),
      amount: input.flowsLc[f.code] ?? 0,
    })),
    { ...base, account_id: id(master.accounts, FLOWS_CASE.offset, 'account'), flow_id: null, amount: -sum },
  ]);
  const closingFlow = Object.keys(input.flowsLc).find((code) => flowKindOf(code) === 'closing');
  return {
    customerId: master.customerId,
    consoId: conso.id,
    consoCode: conso.code,
    account,
    company: FLOWS_CASE.company,
    ...(closingFlow === undefined ? {} : { closingFlow }),
  };
}

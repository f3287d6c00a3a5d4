import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type { AccountChart, InvestmentInput, RunCompany } from '../engine/index.js';
import { type LoadedChart, loadChart } from './chart-loader.js';
import { loadMasterCodes, type MasterCodes } from './master-codes-loader.js';
import { type LoadedRates, loadRates } from './rates-loader.js';
import { type LoadedIcRule, loadIcRules, loadInvestments } from './rules-loader.js';
import { loadScope } from './scope-loader.js';

/**
 * Everything about a conso except its reported amounts: chart, codes, perimeter with percentages,
 * rates, investments and IC rules. Small (it grows with companies and accounts, not with data
 * lines), so it is loaded whole; bundles are read per company batch.
 */
export interface ConsoModel {
  /** The conso row. */
  readonly conso: ConsoRecord;
  /** Chart with account ids. */
  readonly chart: AccountChart;
  /** Account ids and codes. */
  readonly accounts: LoadedChart['accounts'];
  /** Company and flow codes of the customer. */
  readonly codes: MasterCodes;
  /** Perimeter, parent first when added implicitly. */
  readonly companies: readonly RunCompany[];
  /** Parent company code. */
  readonly parent: string;
  /** Whether the conso has no ownership rows. */
  readonly emptyScope: boolean;
  /** Rates in group currency, opening rates and historical translations. */
  readonly rates: LoadedRates;
  /** Investments to eliminate. */
  readonly investments: readonly InvestmentInput[];
  /** Intercompany rules. */
  readonly icRules: readonly LoadedIcRule[];
}

/** Loads the model of one conso. */
export async function loadConsoModel(db: Kysely<ConsoDatabase>, conso: ConsoRecord): Promise<ConsoModel> {
  const chart = await loadChart(db, conso.customer_id);
  const codes = await loadMasterCodes(db, conso.customer_id);
  const scope = await loadScope(db, conso, codes);
  return {
    conso,
    chart: chart.chart,
    accounts: chart.accounts,
    codes,
    companies: scope.companies,
    parent: scope.parent,
    emptyScope: scope.empty,
    rates: await loadRates(db, conso, chart, codes),
    investments: await loadInvestments(db, conso, chart, codes),
    icRules: await loadIcRules(db, conso.customer_id, chart),
  };
}

/** Database id of a company of the model. */
export function companyIdOf(model: ConsoModel, code: string): number {
  const id = model.codes.companies.id(code);
  if (id === undefined) throw new RangeError(`company ${code} is not in the customer's companies`);
  return id;
}

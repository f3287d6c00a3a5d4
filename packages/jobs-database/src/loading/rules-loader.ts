import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type { IcRule, InvestmentInput } from '../engine/index.js';
import type { LoadedChart } from './chart-loader.js';
import type { MasterCodes } from './master-codes-loader.js';

/** An intercompany rule with its database id (the Elims output names the rule by id). */
export interface LoadedIcRule extends IcRule {
  /** `ic_rules.id`. */
  readonly id: number;
  /** `ic_rules.code`. */
  readonly code: string;
}

/** The customer's intercompany rules in id order, with their side-A and side-B accounts. */
export async function loadIcRules(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  chart: LoadedChart,
): Promise<LoadedIcRule[]> {
  const rules = await db
    .selectFrom('ic_rules')
    .select(['id', 'code', 'name', 'difference_account_id'])
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  if (rules.length === 0) return [];
  const sides = await db
    .selectFrom('ic_rule_accounts')
    .select(['ic_rule_id', 'side', 'account_id'])
    .where(
      'ic_rule_id',
      'in',
      rules.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rules.map((rule) => {
    const of = (side: 'A' | 'B'): string[] =>
      sides
        .filter((s) => s.ic_rule_id === rule.id && s.side === side)
        .map((s) => chart.accounts.codeOf(s.account_id));
    return {
      id: rule.id,
      code: rule.code,
      name: rule.code,
      sideA: of('A'),
      sideB: of('B'),
      diffAccount: chart.accounts.codeOf(rule.difference_account_id),
    };
  });
}

/**
 * The conso's investments. A row with both stake and acquisition net assets at 0 carries no
 * acquisition data: it is eliminated at book value without goodwill, as the engine does for an
 * investment listed without them.
 */
export async function loadInvestments(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  chart: LoadedChart,
  codes: MasterCodes,
): Promise<InvestmentInput[]> {
  const rows = await db
    .selectFrom('investments')
    .select(['holder_company_id', 'held_company_id', 'account_id', 'stake_pct', 'acquisition_net_assets_gc'])
    .where('conso_id', '=', conso.id)
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const stake = Number(row.stake_pct);
    const netAssets = Number(row.acquisition_net_assets_gc);
    const known = stake !== 0 || netAssets !== 0;
    return {
      holder: codes.companies.codeOf(row.holder_company_id),
      held: codes.companies.codeOf(row.held_company_id),
      account: chart.accounts.codeOf(row.account_id),
      ...(known ? { stake, acquisitionNetAssetsGc: netAssets } : {}),
    };
  });
}

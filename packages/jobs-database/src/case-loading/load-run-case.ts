import { bulkInsert, type ConsoDatabase, type NewConsoRow } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import {
  type AccountChart,
  type AccountDefinition,
  type CaseReader,
  type ConsolidationRunInput,
  type IcRule,
  InvalidCaseError,
  type LineInput,
  parseRunInput,
} from '../engine/index.js';
import { CaseFieldNotStorableError } from './case-field-not-storable-error.js';
import { type CaseMaster, flowKindOf, writeCaseMaster, writeConso, writePeriod } from './case-master-data.js';

/** Where a loaded case lives in the database. */
export interface LoadedRunCase {
  /** Customer id. */
  readonly customerId: number;
  /** The conso the case runs in. */
  readonly consoId: number;
  /** Its code. */
  readonly consoCode: string;
}

/** Special accounts the engine posts to, with the code, type and role used when a case lacks them. */
const SPECIAL: readonly AccountDefinition[] = [
  { code: 'CTA', type: 'EQ', role: 'cta' },
  { code: 'GOODWILL', type: 'BS', role: 'goodwill' },
  { code: 'CONSO_RES', type: 'EQ', role: 'conso_reserves' },
  { code: 'NCI', type: 'EQ', role: 'nci' },
  { code: 'NCI_PL', type: 'PL', role: 'nci_result' },
  { code: 'EQUITY_VALUE', type: 'BS', role: 'equity_value' },
  { code: 'SHARE_EQM', type: 'PL', role: 'share_of_result_equity_method' },
];

/**
 * Maps a ConsolidationRun case into rows: the chart (plus the special accounts the engine would
 * post to by their conventional codes), companies, the conso of December 2023 ACT, ownerships
 * with the case's percentages (entered by hand, so flagged as overrides), rates, historical
 * translations, bundles, adjustment journals, investments and IC rules. The case is parsed by the
 * engine's own reader, so both read the same meaning into it.
 */
export async function loadRunCase(db: Kysely<ConsoDatabase>, input: CaseReader): Promise<LoadedRunCase> {
  const run = parseRunInput(input);
  rejectUnsupported(run, input);
  const accounts = withSpecialAccounts(run.chart, run.icRules);
  const flowCodes = new Set<string>();
  const allLines = [...Object.values(run.bundles).flat(), ...run.adjustments.flatMap((j) => j.lines)];
  for (const line of allLines) if (line.flow !== undefined) flowCodes.add(line.flow);
  // Partners outside the perimeter still need a company row to be referenced.
  const outside = [
    ...new Set(allLines.map((l) => l.partner).filter((p): p is string => p !== undefined)),
  ].filter((p) => !run.companies.some((c) => c.code === p));
  const master = await writeCaseMaster(db, {
    groupCurrency: run.groupCurrency,
    companies: [
      ...run.companies.map((c) => ({ code: c.code, currency: c.currency })),
      ...outside.map((code) => ({ code, currency: run.groupCurrency })),
    ],
    accounts: accounts.list,
    flows: [...flowCodes].map((code) => ({ code, kind: flowKindOf(code) })),
    categories: ['ACT'],
  });
  const periodId = await writePeriod(db, master.customerId, 2023);
  await writePeriod(db, master.customerId, 2022);
  const categoryId = master.categories.get('ACT') as number;
  const conso = await writeConso(db, {
    customerId: master.customerId,
    periodId,
    periodCode: '202312',
    categoryId,
    categoryCode: 'ACT',
    groupCurrency: run.groupCurrency,
    parentId: id(master.companies, run.parent, 'parent'),
  });
  await bulkInsert(
    db,
    'ownerships',
    run.companies.map((c) => ({
      conso_id: conso.id,
      company_id: id(master.companies, c.code, 'company'),
      group_pct: c.percentages.group,
      control_pct: c.percentages.group,
      minority_pct: c.percentages.minority,
      integration_pct: c.percentages.integration,
      method: c.percentages.method,
      pct_override: 1 as const,
      method_override: 1 as const,
    })),
  );
  await writeRates(db, run, periodId, categoryId);
  await writeHistorical(db, run, master, conso.id);
  const bundleRows: NewConsoRow<'bundles'>[] = [];
  for (const [company, lines] of Object.entries(run.bundles)) {
    for (const line of lines) {
      bundleRows.push({
        company_id: id(master.companies, company, 'bundle company'),
        period_id: periodId,
        category_id: categoryId,
        ...lineColumns(master, line),
      });
    }
  }
  await bulkInsert(db, 'bundles', bundleRows);
  await writeJournals(db, run, master, conso.id);
  await writeInvestments(db, run, master, conso.id, accounts.chart);
  await writeIcRules(db, accounts.rules, master);
  return { customerId: master.customerId, consoId: conso.id, consoCode: conso.code };
}

function rejectUnsupported(run: ConsolidationRunInput, input: CaseReader): void {
  const lines = [...Object.values(run.bundles).flat(), ...run.adjustments.flatMap((j) => j.lines)];
  if (lines.some((l) => l.rate !== undefined || l.amountGc !== undefined)) {
    throw new CaseFieldNotStorableError(
      input.path,
      'line-level rate or amount_gc has no column in the database model',
    );
  }
  if (run.investments.some((i) => i.goodwillGc !== undefined)) {
    throw new CaseFieldNotStorableError(
      input.path,
      'investments[].goodwill_gc has no column in the database model',
    );
  }
  if (run.companies.some((c) => c.ctaAccount !== undefined)) {
    throw new CaseFieldNotStorableError(
      input.path,
      'companies[].cta_account has no column in the database model',
    );
  }
}

/** The chart plus special accounts it lacks, and IC rules whose difference account is resolved. */
function withSpecialAccounts(
  chart: AccountChart,
  rules: readonly IcRule[],
): { list: AccountDefinition[]; chart: AccountChart; rules: IcRule[] } {
  const list = [...chart.all()];
  const has = (code: string): boolean => list.some((a) => a.code === code);
  for (const special of SPECIAL) {
    if (list.some((a) => a.role === special.role) || has(special.code)) continue;
    list.push(special);
  }
  const resolved = rules.map((rule) => {
    if (rule.diffAccount !== undefined) return rule;
    // The engine's choice: the ic_difference account of the side's type, else ICDIFF_PL/ICDIFF_BS.
    const wantPl = chart.typeOf(rule.sideA[0] ?? rule.sideB[0] ?? '') === 'PL';
    const candidates = chart.withRole('ic_difference');
    const code =
      candidates.find((c) => (chart.typeOf(c) === 'PL') === wantPl) ??
      candidates[0] ??
      (wantPl ? 'ICDIFF_PL' : 'ICDIFF_BS');
    if (!has(code)) list.push({ code, type: wantPl ? 'PL' : 'BS', role: 'ic_difference' });
    return { ...rule, diffAccount: code };
  });
  return { list, chart, rules: resolved };
}

/** Rates keyed by currency, or by company code for that company's currency. */
async function writeRates(
  db: Kysely<ConsoDatabase>,
  run: ConsolidationRunInput,
  periodId: number,
  categoryId: number,
): Promise<void> {
  const byCurrency = new Map<string, { closing: number; average: number }>();
  const currencies = new Set(run.companies.map((c) => c.currency));
  const entries = Object.entries(run.rates);
  // Currency keys first: the engine prefers a company's currency entry over its company-code entry.
  const ordered = [
    ...entries.filter(([k]) => currencies.has(k)),
    ...entries.filter(([k]) => !currencies.has(k)),
  ];
  for (const [key, rates] of ordered) {
    const currency = currencies.has(key) ? key : run.companies.find((c) => c.code === key)?.currency;
    if (currency === undefined || currency === run.groupCurrency || byCurrency.has(currency)) continue;
    const closing = rates.closing ?? rates.average;
    const average = rates.average ?? rates.closing;
    if (closing === undefined || average === undefined) continue;
    byCurrency.set(currency, { closing, average });
  }
  await bulkInsert(
    db,
    'exchange_rates',
    [...byCurrency].map(([currency, r]) => ({
      period_id: periodId,
      category_id: categoryId,
      currency,
      closing_rate: r.closing,
      average_rate: r.average,
    })),
  );
}

async function writeHistorical(
  db: Kysely<ConsoDatabase>,
  run: ConsolidationRunInput,
  master: CaseMaster,
  consoId: number,
): Promise<void> {
  const rows: NewConsoRow<'historical_rates'>[] = [];
  for (const [company, accounts] of Object.entries(run.historical)) {
    for (const [account, value] of Object.entries(accounts)) {
      rows.push({
        conso_id: consoId,
        company_id: id(master.companies, company, 'historical company'),
        account_id: id(master.accounts, account, 'historical account'),
        rate: value.rate ?? null,
        amount_gc: value.amountGc ?? null,
      });
    }
  }
  await bulkInsert(db, 'historical_rates', rows);
}

async function writeJournals(
  db: Kysely<ConsoDatabase>,
  run: ConsolidationRunInput,
  master: CaseMaster,
  consoId: number,
): Promise<void> {
  const used = new Set<string>();
  for (const journal of run.adjustments) {
    let code = journal.journal;
    for (let n = 2; used.has(code); n++) code = `${journal.journal}_${n}`;
    used.add(code);
    await db
      .insertInto('adjustment_journals')
      .values({
        conso_id: consoId,
        code,
        description: journal.journal,
        company_id: id(master.companies, journal.company, `journal ${journal.journal}`),
        currency: journal.currency,
        // The engine checks the balance again when it posts; a case's journals are meant to be posted.
        is_balanced: 1,
        created_by: null,
        created_at: '2024-01-15T00:00:00.000Z',
      })
      .execute();
    const row = await db
      .selectFrom('adjustment_journals')
      .select('id')
      .where('conso_id', '=', consoId)
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    await bulkInsert(
      db,
      'adjustment_lines',
      journal.lines.map((line) => ({ journal_id: row.id, ...lineColumns(master, line) })),
    );
  }
}

async function writeInvestments(
  db: Kysely<ConsoDatabase>,
  run: ConsolidationRunInput,
  master: CaseMaster,
  consoId: number,
  chart: AccountChart,
): Promise<void> {
  await bulkInsert(
    db,
    'investments',
    run.investments.map((inv) => {
      const account = inv.account ?? chart.withRole('investment')[0];
      if (account === undefined)
        throw new InvalidCaseError('investments', `no account for ${inv.holder} -> ${inv.held}`);
      const known = inv.stake !== undefined && inv.acquisitionNetAssetsGc !== undefined;
      return {
        conso_id: consoId,
        holder_company_id: id(master.companies, inv.holder, 'investment holder'),
        held_company_id: id(master.companies, inv.held, 'investment held'),
        account_id: id(master.accounts, account, 'investment account'),
        // 0 and 0 mean "no acquisition data": eliminated at book value, as the engine does.
        stake_pct: known ? (inv.stake as number) : 0,
        acquisition_net_assets_gc: known ? (inv.acquisitionNetAssetsGc as number) : 0,
        acquisition_date: null,
      };
    }),
  );
}

async function writeIcRules(
  db: Kysely<ConsoDatabase>,
  rules: readonly IcRule[],
  master: CaseMaster,
): Promise<void> {
  for (const rule of rules) {
    await db
      .insertInto('ic_rules')
      .values({
        customer_id: master.customerId,
        code: rule.name,
        name: rule.name,
        difference_account_id: id(master.accounts, rule.diffAccount as string, `rule ${rule.name}`),
        tolerance: 0,
      })
      .execute();
    const row = await db
      .selectFrom('ic_rules')
      .select('id')
      .where('customer_id', '=', master.customerId)
      .where('code', '=', rule.name)
      .executeTakeFirstOrThrow();
    const sides = [
      ...rule.sideA.map((a) => ({ side: 'A' as const, account: a })),
      ...rule.sideB.filter((b) => !rule.sideA.includes(b)).map((b) => ({ side: 'B' as const, account: b })),
    ];
    await bulkInsert(
      db,
      'ic_rule_accounts',
      sides.map((s) => ({
        ic_rule_id: row.id,
        side: s.side,
        account_id: id(master.accounts, s.account, `rule ${rule.name}`),
      })),
    );
  }
}

/** Columns of a data line shared by bundles and adjustment lines. */
export function lineColumns(master: CaseMaster, line: LineInput) {
  return {
    account_id: id(master.accounts, line.account, 'line account'),
    partner_company_id: line.partner === undefined ? null : id(master.companies, line.partner, 'partner'),
    flow_id: line.flow === undefined ? null : id(master.flows, line.flow, 'flow'),
    dimension: null,
    amount: line.amount,
  };
}

/** Id of a code that the case must define; a clear case error otherwise. */
export function id(map: ReadonlyMap<string, number>, code: string, what: string): number {
  const value = map.get(code);
  if (value === undefined) throw new InvalidCaseError(what, `${code} is not defined in the case`);
  return value;
}

import type { Kysely } from 'kysely';
import { bulkInsert } from '../bulk-insert.js';
import type { ConsoDatabase, NewConsoRow } from '../schema/conso-database.js';
import {
  buildChartOfAccounts,
  SAMPLE_ACCOUNT_CODES as CODES,
  MIN_SAMPLE_ACCOUNTS,
} from './chart-of-accounts.js';
import { insertConso, sampleConsoCode, writeOwnership } from './conso-writer.js';
import {
  type GroupStructure,
  holdingsFromRegisters,
  SAMPLE_CURRENCIES,
  type SampleCompany,
} from './group-structure.js';
import { writeAdjustmentJournals } from './journals-writer.js';
import {
  ensureCurrencies,
  insertChart,
  insertCompanies,
  insertCustomer,
  insertDecemberPeriods,
  insertFlowsAndCategories,
} from './master-data-writer.js';
import { estimateOwnership } from './ownership-estimate.js';
import { writeExchangeRates } from './rates-writer.js';
import { writeRules } from './rules-writer.js';
import type { RateTable } from './sample-amounts.js';

/** Options of {@link loadTinyDemoGroup}. */
export interface TinyDemoOptions {
  /** Customer code; must not exist yet. Two customers may hold the same demo group. @defaultValue 'DEMO' */
  customerCode?: string;
  /** Customer name. @defaultValue 'Hangar demo group' */
  customerName?: string;
}

/** What {@link loadTinyDemoGroup} wrote. */
export interface TinyDemoSummary {
  customerId: number;
  /** Customer code: the tenant (`customerId`) its jobs run under. */
  customerCode: string;
  consoId: number;
  /** `202312ACT001`. */
  consoCode: string;
  periodId: number;
  categoryId: number;
  /** Company codes, parent first. */
  companies: readonly string[];
}

const YEAR = 2023;
const CREATED_AT = '2024-01-15T09:00:00.000Z';

const COMPANIES: readonly SampleCompany[] = [
  { index: 0, code: 'HOLD', name: 'Hangar Holding SA', currency: 'EUR', country: 'FR' },
  { index: 1, code: 'FR1', name: 'Hangar France SAS', currency: 'EUR', country: 'FR' },
  { index: 2, code: 'US1', name: 'Hangar Inc.', currency: 'USD', country: 'US' },
  { index: 3, code: 'UK1', name: 'Partner Associates Ltd', currency: 'GBP', country: 'GB' },
  { index: 4, code: 'JV1', name: 'Hangar Joint Venture GmbH', currency: 'EUR', country: 'DE' },
];

// [holder, held, fraction of the ordinary shares]: 100 %, 80 % (minorities), 30 % associate, 50 % JV.
const HOLDINGS: readonly [number, number, number][] = [
  [0, 1, 1],
  [0, 2, 0.8],
  [0, 3, 0.3],
  [0, 4, 0.5],
];

// Investment carrying amounts in the holder's currency (whole units), as HOLD reports them.
const INVESTMENTS: Readonly<Record<number, number>> = { 1: 500_000, 2: 800_000, 3: 150_000, 4: 250_000 };

// Bundle lines in whole currency units: [account, 'O'pening | 'M'ovement | '-' (P&L), amount, partner].
// Opening retained earnings and the cash movement are computed so each bundle sums to 0.
type Line = [account: string, flow: 'O' | 'M' | '-', amount: number, partner?: number];
const BUNDLES: readonly (readonly Line[])[] = [
  [
    [CODES.cash, 'O', 300_000],
    [CODES.shareCapital, 'O', -1_000_000],
    [CODES.borrowings, 'O', -400_000],
    [CODES.icReceivables, 'M', 120_000, 1],
    [CODES.icSales, '-', -100_000, 1],
    [CODES.dividendIncome, '-', -50_000, 1],
    [CODES.staffCosts, '-', 80_000],
  ],
  [
    [CODES.fixedAssets, 'O', 700_000],
    [CODES.cash, 'O', 100_000],
    [CODES.shareCapital, 'O', -500_000],
    // 1,500 short of HOLD's receivable: the intercompany difference the demo shows.
    [CODES.icPayables, 'M', -118_500, 0],
    [CODES.icPurchases, '-', 100_000, 0],
    ['7100', '-', -900_000],
    [CODES.purchases, '-', 450_000],
    [CODES.staffCosts, '-', 250_000],
    [CODES.depreciation, '-', 70_000],
    [CODES.tradeReceivables, 'M', 150_000],
  ],
  [
    [CODES.fixedAssets, 'O', 1_200_000],
    [CODES.tradeReceivables, 'O', 300_000],
    [CODES.tradePayables, 'O', -250_000],
    [CODES.shareCapital, 'O', -600_000],
    ['7100', '-', -1_500_000],
    [CODES.purchases, '-', 800_000],
    [CODES.staffCosts, '-', 400_000],
    [CODES.tradeReceivables, 'M', 100_000],
    [CODES.tradePayables, 'M', -50_000],
  ],
  [
    [CODES.fixedAssets, 'O', 400_000],
    [CODES.cash, 'O', 50_000],
    [CODES.shareCapital, 'O', -200_000],
    ['7100', '-', -600_000],
    [CODES.purchases, '-', 350_000],
    [CODES.staffCosts, '-', 150_000],
  ],
  [
    [CODES.fixedAssets, 'O', 600_000],
    [CODES.cash, 'O', 50_000],
    [CODES.borrowings, 'O', -100_000],
    [CODES.shareCapital, 'O', -500_000],
    ['7100', '-', -400_000],
    [CODES.purchases, '-', 250_000],
    [CODES.staffCosts, '-', 100_000],
  ],
];

const RATES: { prior: RateTable; current: RateTable } = {
  prior: rateTable({ USD: [0.95, 0.94], GBP: [1.14, 1.15] }),
  current: rateTable({ USD: [0.905, 0.925], GBP: [1.15, 1.16] }),
};

/**
 * Loads the five-company demo group of the README into a migrated database: a French holding with
 * a wholly owned French subsidiary, an 80 % US subsidiary, a 30 % UK associate and a 50 % joint
 * venture; round, hand-checkable bundles; one intercompany difference; conso `202312ACT001`.
 */
export async function loadTinyDemoGroup(
  db: Kysely<ConsoDatabase>,
  options: TinyDemoOptions = {},
): Promise<TinyDemoSummary> {
  const load = (trx: Kysely<ConsoDatabase>) =>
    loadDemo(trx, options.customerCode ?? 'DEMO', options.customerName);
  return db.isTransaction ? load(db) : db.transaction().execute(load);
}

async function loadDemo(
  db: Kysely<ConsoDatabase>,
  customerCode: string,
  customerName = 'Hangar demo group',
): Promise<TinyDemoSummary> {
  const chart = buildChartOfAccounts(MIN_SAMPLE_ACCOUNTS);
  await ensureCurrencies(db, SAMPLE_CURRENCIES);
  const { customerId, userId } = await insertCustomer(db, {
    code: customerCode,
    name: customerName,
    referenceCurrency: 'EUR',
    createdAt: CREATED_AT,
  });
  const accountIds = await insertChart(db, customerId, chart);
  const { flows, categories } = await insertFlowsAndCategories(db, customerId);
  const [prior, current] = (await insertDecemberPeriods(db, customerId, [YEAR - 1, YEAR])) as [
    number,
    number,
  ];
  const companyIds = await insertCompanies(db, customerId, COMPANIES);
  const categoryId = categories.get('ACT')!;
  const consoId = await insertConso(db, {
    customerId,
    year: YEAR,
    periodId: current,
    categoryId,
    parentCompanyId: companyIds[0]!,
    createdAt: CREATED_AT,
  });
  const structure = demoStructure();
  const ctx = {
    db,
    seed: 1,
    year: YEAR,
    createdAt: CREATED_AT,
    structure,
    ownership: estimateOwnership(COMPANIES.length, 0, structure.holdings),
    chart,
    customerId,
    userId,
    userLogin: `${customerCode.toLowerCase()}.admin`,
    accountIds,
    flowIds: flows,
    categoryIds: categories,
    companyIds,
    periodIds: { prior, current },
    consoId,
    investmentCostCents: (_holder: number, held: number) => (INVESTMENTS[held] ?? 0) * 100,
    rates: RATES,
  };
  await writeOwnership(ctx);
  await writeExchangeRates(ctx);
  await writeRules(db, customerId, accountIds);
  const rows: NewConsoRow<'bundles'>[] = [];
  BUNDLES.forEach((lines, k) => {
    const all: Line[] = [...lines];
    if (k === 0)
      for (const [held, cost] of Object.entries(INVESTMENTS))
        all.push([CODES.investments, 'O', cost, Number(held)]);
    const opening = all.filter((l) => l[1] === 'O').reduce((sum, l) => sum + l[2], 0);
    const rest = all.filter((l) => l[1] !== 'O').reduce((sum, l) => sum + l[2], 0);
    all.push([CODES.retainedEarnings, 'O', -opening], [CODES.cash, 'M', -rest]);
    for (const [account, flow, amount, partner] of all) {
      rows.push({
        company_id: companyIds[k]!,
        period_id: current,
        category_id: categoryId,
        account_id: accountIds.get(account)!,
        partner_company_id: partner === undefined ? null : companyIds[partner]!,
        flow_id: flow === 'O' ? flows.get('F00')! : flow === 'M' ? flows.get('F20')! : null,
        dimension: null,
        amount,
      });
    }
  });
  await bulkInsert(db, 'bundles', rows);
  const historical = (company: number, rate: number, carried: number) => [
    {
      conso_id: consoId,
      company_id: companyIds[company]!,
      account_id: accountIds.get(CODES.shareCapital)!,
      rate,
      amount_gc: null,
    },
    {
      conso_id: consoId,
      company_id: companyIds[company]!,
      account_id: accountIds.get(CODES.retainedEarnings)!,
      rate: null,
      amount_gc: carried,
    },
  ];
  await bulkInsert(db, 'historical_rates', [
    ...historical(2, 0.8, -520_000),
    ...historical(3, 1.2, -290_000),
  ]);
  await writeAdjustmentJournals(ctx);
  return {
    customerId,
    customerCode,
    consoId,
    consoCode: sampleConsoCode(YEAR),
    periodId: current,
    categoryId,
    companies: COMPANIES.map((c) => c.code),
  };
}

function demoStructure(): GroupStructure {
  const shareClasses = COMPANIES.map((c) => ({
    company: c.index,
    classCode: 'ORD',
    issued: 100_000,
    treasury: 0,
    votesPerShare: 1,
    dividendRightsPerShare: 1,
  }));
  const shareholdings = HOLDINGS.map(([holder, held, pct]) => ({
    company: held,
    classCode: 'ORD',
    holder,
    shares: pct * 100_000,
  }));
  return {
    companies: [...COMPANIES],
    shareClasses,
    shareholdings,
    holdings: holdingsFromRegisters(shareClasses, shareholdings),
    roles: {
      parent: 0,
      associate: 3,
      jointVenture: 4,
      crossHolding: [1, 2],
      preferenceShares: 2,
      minorities: [2],
    },
  };
}

function rateTable(foreign: Readonly<Record<string, [closing: number, average: number]>>): RateTable {
  const table = new Map<string, { closing: number; average: number }>();
  for (const code of Object.keys(SAMPLE_CURRENCIES)) {
    const [closing, average] = foreign[code] ?? [1, 1];
    table.set(code, { closing, average });
  }
  return table;
}

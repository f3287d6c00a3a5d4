import type { AccountRole, AccountType, RateType } from '../schema/column-kinds.js';

/** Sign convention of an account's balance: debits positive, credits negative. */
export type AccountNature = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense' | 'summary';

/** One account of the sample chart. */
export interface SampleAccount {
  code: string;
  name: string;
  type: AccountType;
  rateType: RateType;
  role: AccountRole | null;
  /** Code of the summary account above. */
  parent: string | null;
  nature: AccountNature;
  /** False for summary accounts and accounts only the consolidation books (goodwill, CTA, NCI...). */
  reported: boolean;
}

/** Codes of the accounts the bundle generator treats specially. */
export const SAMPLE_ACCOUNT_CODES = {
  cash: '1000',
  tradeReceivables: '1200',
  icReceivables: '1400',
  investments: '2100',
  fixedAssets: '2300',
  tradePayables: '4000',
  borrowings: '4200',
  icPayables: '4400',
  shareCapital: '3000',
  retainedEarnings: '3100',
  icSales: '7000',
  dividendIncome: '7600',
  icPurchases: '6000',
  purchases: '6100',
  staffCosts: '6400',
  depreciation: '6800',
  icDifference: '6900',
} as const;

type Core = [
  code: string,
  name: string,
  type: AccountType,
  rate: RateType,
  role: AccountRole | null,
  parent: string,
  nature: AccountNature,
  reported: boolean,
];

// Summary accounts first so they can be inserted before the leaves that point to them.
const SUMMARIES: readonly SampleAccount[] = [
  summary('A', 'Assets', 'BS'),
  summary('L', 'Liabilities', 'BS'),
  summary('E', 'Equity', 'EQ'),
  summary('P', 'Profit and loss', 'PL'),
];

const CORE: readonly Core[] = [
  ['1000', 'Cash and cash equivalents', 'BS', 'CC', null, 'A', 'asset', true],
  ['1200', 'Trade receivables', 'BS', 'CC', null, 'A', 'asset', true],
  ['1400', 'Intercompany receivables', 'BS', 'CC', 'ic', 'A', 'asset', true],
  ['2050', 'Goodwill', 'BS', 'CC', 'goodwill', 'A', 'asset', false],
  ['2100', 'Investments in group companies', 'BS', 'HC', 'investment', 'A', 'asset', true],
  ['2200', 'Equity-accounted investments', 'BS', 'CC', 'equity_value', 'A', 'asset', false],
  ['2300', 'Property, plant and equipment', 'BS', 'CC', null, 'A', 'asset', true],
  ['4000', 'Trade payables', 'BS', 'CC', null, 'L', 'liability', true],
  ['4200', 'Borrowings', 'BS', 'CC', null, 'L', 'liability', true],
  ['4400', 'Intercompany payables', 'BS', 'CC', 'ic', 'L', 'liability', true],
  ['3000', 'Share capital', 'EQ', 'HC', null, 'E', 'equity', true],
  ['3100', 'Retained earnings', 'EQ', 'HC', 'retained_earnings', 'E', 'equity', true],
  ['3800', 'Consolidated reserves', 'EQ', 'HC', 'conso_reserves', 'E', 'equity', false],
  ['3900', 'Cumulative translation adjustment', 'EQ', 'NR', 'cta', 'E', 'equity', false],
  ['3950', 'Non-controlling interests', 'EQ', 'HC', 'nci', 'E', 'equity', false],
  ['7000', 'Intercompany sales', 'PL', 'AC', 'ic', 'P', 'revenue', true],
  ['7100', 'Sales', 'PL', 'AC', null, 'P', 'revenue', true],
  ['7600', 'Dividend income', 'PL', 'AC', 'dividend_income', 'P', 'revenue', true],
  [
    '7700',
    'Share of result of equity-accounted companies',
    'PL',
    'AC',
    'share_of_result_equity_method',
    'P',
    'revenue',
    false,
  ],
  ['6000', 'Intercompany purchases', 'PL', 'AC', 'ic', 'P', 'expense', true],
  ['6100', 'Purchases', 'PL', 'AC', null, 'P', 'expense', true],
  ['6400', 'Staff costs', 'PL', 'AC', null, 'P', 'expense', true],
  ['6800', 'Depreciation', 'PL', 'AC', null, 'P', 'expense', true],
  ['6900', 'Intercompany differences', 'PL', 'AC', 'ic_difference', 'P', 'expense', false],
  ['8900', 'Non-controlling interests in result', 'PL', 'AC', 'nci_result', 'P', 'expense', false],
];

/** Smallest chart: the summaries plus one account of every role and the plug accounts. */
export const MIN_SAMPLE_ACCOUNTS = SUMMARIES.length + CORE.length;

// Extra accounts cycle through these so a large chart keeps a realistic mix.
const FILLERS: readonly [
  prefix: string,
  name: string,
  type: AccountType,
  rate: RateType,
  parent: string,
  nature: AccountNature,
][] = [
  ['15', 'Other asset', 'BS', 'CC', 'A', 'asset'],
  ['75', 'Other revenue', 'PL', 'AC', 'P', 'revenue'],
  ['45', 'Other liability', 'BS', 'CC', 'L', 'liability'],
  ['65', 'Other expense', 'PL', 'AC', 'P', 'expense'],
  ['66', 'Other operating expense', 'PL', 'AC', 'P', 'expense'],
];

/** The sample chart of exactly `count` accounts (at least {@link MIN_SAMPLE_ACCOUNTS}), summaries first. */
export function buildChartOfAccounts(count: number): SampleAccount[] {
  const chart: SampleAccount[] = [...SUMMARIES];
  for (const [code, name, type, rateType, role, parent, nature, reported] of CORE) {
    chart.push({ code, name, type, rateType, role, parent, nature, reported });
  }
  for (let i = 0; chart.length < count; i++) {
    const [prefix, name, type, rateType, parent, nature] = FILLERS[i % FILLERS.length]!;
    const seq = String(Math.floor(i / FILLERS.length) + 1).padStart(5, '0');
    chart.push({
      code: `${prefix}${seq}`,
      name: `${name} ${seq}`,
      type,
      rateType,
      role: null,
      parent,
      nature,
      reported: true,
    });
  }
  return chart;
}

function summary(code: string, name: string, type: AccountType): SampleAccount {
  return { code, name, type, rateType: 'NR', role: null, parent: null, nature: 'summary', reported: false };
}

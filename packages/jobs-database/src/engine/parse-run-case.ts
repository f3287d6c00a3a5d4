import { AccountChart, type AccountDefinition, type AccountType, type RateType } from './accounts.js';
import type { CaseReader } from './case-reader.js';
import { calculateIndirectPercentages } from './ownership.js';
import type { ConsolidationMethod } from './ownership-types.js';
import { hasOwnershipData, parseOwnershipInput } from './parse-ownership-case.js';
import type {
  AdjustmentJournal,
  CompanyPercentages,
  ConsolidationRunInput,
  CurrencyRates,
  HistoricalTranslation,
  IcRule,
  InvestmentInput,
  LineInput,
  RunCompany,
} from './run-types.js';

const ACCOUNT_TYPES: readonly AccountType[] = ['BS', 'EQ', 'PL'];
const RATE_TYPES: readonly RateType[] = ['CC', 'AC', 'HC', 'NR'];
const METHODS: readonly ConsolidationMethod[] = ['G', 'P', 'E', 'N'];

/** Reads a chart of accounts: code → {type, rate?, role?}. */
export function parseChart(field: CaseReader): AccountChart {
  const accounts: AccountDefinition[] = field.entries().map(([code, def]) => {
    const rate = def.field('rate');
    const role = def.field('role').optionalString();
    return {
      code,
      type: def.field('type').oneOf(ACCOUNT_TYPES),
      ...(rate.isMissing ? {} : { rate: rate.oneOf(RATE_TYPES) }),
      ...(role === undefined ? {} : { role }),
    };
  });
  return new AccountChart(accounts);
}

/** Reads data lines: {account, amount, partner?, flow?}. */
export function parseLines(field: CaseReader): LineInput[] {
  return field.items().map((item) => {
    const partner = item.field('partner').optionalString();
    const flow = item.field('flow').optionalString();
    const rate = item.field('rate').optionalNumber();
    const amountGc = item.field('amount_gc').optionalNumber();
    return {
      account: item.field('account').string(),
      amount: item.fieldOf('amount', 'amount_lc').number(),
      ...(partner === undefined ? {} : { partner }),
      ...(flow === undefined ? {} : { flow }),
      ...(rate === undefined ? {} : { rate }),
      ...(amountGc === undefined ? {} : { amountGc }),
    };
  });
}

/** Reads the input of a ConsolidationRun case. */
export function parseRunInput(input: CaseReader): ConsolidationRunInput {
  const groupCurrency = input.field('group_currency').string();
  const parent = input.field('parent').string();
  const chart = parseChart(input.field('accounts'));
  const bundles: Record<string, LineInput[]> = {};
  const bundleField = input.field('bundles');
  if (!bundleField.isMissing) {
    for (const [company, lines] of bundleField.entries()) bundles[company] = parseLines(lines);
  }
  return {
    groupCurrency,
    parent,
    chart,
    companies: parseRunCompanies(input, groupCurrency, parent),
    rates: parseRates(input.field('rates')),
    historical: parseHistorical(input.field('historical')),
    bundles,
    adjustments: input.field('adjustments').optionalItems().map(parseJournal),
    investments: input.field('investments').optionalItems().map(parseInvestment),
    icRules: input.field('ic_rules').optionalItems().map(parseIcRule),
  };
}

/**
 * Companies with their percentages. Percentages given on the company win; when they are absent
 * and the case gives holdings, they come from CalculateIndirectPercentages.
 */
function parseRunCompanies(input: CaseReader, groupCurrency: string, parent: string): RunCompany[] {
  const field = input.field('companies');
  const pairs: [string, CaseReader][] = field.isArray
    ? field.items().map((item) => [item.fieldOf('code', 'id', 'company').string(), item])
    : field.entries();
  const computed = hasOwnershipData(input)
    ? calculateIndirectPercentages({ ...parseOwnershipInput(input), companies: pairs.map(([code]) => code) })
        .companies
    : undefined;
  return pairs.map(([code, item]) => {
    const fromOwnership = computed?.get(code);
    const methodField = item.field('method');
    const method: ConsolidationMethod =
      methodField.isMissing && fromOwnership !== undefined
        ? fromOwnership.method
        : methodField.oneOf(METHODS);
    const groupField = item.fieldOf('group_pct', 'interest');
    const group =
      groupField.optionalNumber() ?? fromOwnership?.interest ?? (code === parent ? 1 : groupField.number());
    const minority =
      item.fieldOf('minority_pct', 'minority').optionalNumber() ??
      fromOwnership?.minority ??
      (method === 'G' && code !== parent ? 1 - group : 0);
    const integration =
      item.fieldOf('integration_pct', 'integration').optionalNumber() ??
      fromOwnership?.integration ??
      (method === 'G' ? 1 : method === 'N' ? 0 : group + minority);
    const percentages: CompanyPercentages = { method, group, minority, integration };
    const ctaAccount = item.field('cta_account').optionalString();
    return {
      code,
      currency: item.field('currency').optionalString() ?? groupCurrency,
      percentages,
      ...(ctaAccount === undefined ? {} : { ctaAccount }),
    };
  });
}

function parseRates(field: CaseReader): Record<string, CurrencyRates> {
  const rates: Record<string, CurrencyRates> = {};
  if (field.isMissing) return rates;
  for (const [currency, value] of field.entries()) {
    const closing = value.fieldOf('closing', 'closing_rate', 'CC').optionalNumber();
    const average = value.fieldOf('average', 'average_rate', 'AC').optionalNumber();
    rates[currency] = {
      ...(closing === undefined ? {} : { closing }),
      ...(average === undefined ? {} : { average }),
    };
  }
  return rates;
}

function parseHistorical(field: CaseReader): Record<string, Record<string, HistoricalTranslation>> {
  const result: Record<string, Record<string, HistoricalTranslation>> = {};
  if (field.isMissing) return result;
  for (const [company, accounts] of field.entries()) {
    const perAccount: Record<string, HistoricalTranslation> = {};
    for (const [account, value] of accounts.entries()) {
      if (typeof value.value === 'number') {
        perAccount[account] = { rate: value.number() };
        continue;
      }
      const rate = value.fieldOf('rate', 'historical_rate').optionalNumber();
      const amountGc = value.fieldOf('amount_gc', 'carried_amount_gc').optionalNumber();
      if (rate === undefined && amountGc === undefined) value.fail('expected rate or amount_gc');
      perAccount[account] = {
        ...(rate === undefined ? {} : { rate }),
        ...(amountGc === undefined ? {} : { amountGc }),
      };
    }
    result[company] = perAccount;
  }
  return result;
}

function parseJournal(item: CaseReader, index: number): AdjustmentJournal {
  const currencyText = item.field('currency').optionalString() ?? 'local';
  const company = item.field('company').string();
  return {
    journal: item.fieldOf('journal', 'name', 'id').optionalString() ?? `ADJ${index + 1}`,
    company,
    currency: currencyText.toLowerCase() === 'group' ? 'group' : 'local',
    lines: parseLines(item.field('lines')),
  };
}

function parseInvestment(item: CaseReader): InvestmentInput {
  const account = item.field('account').optionalString();
  const stake = item.fieldOf('stake', 'pct').optionalNumber();
  const acquisition = item.fieldOf('acquisition_net_assets_gc', 'acquisition_net_assets').optionalNumber();
  const goodwill = item.fieldOf('goodwill_gc', 'goodwill').optionalNumber();
  return {
    holder: item.field('holder').string(),
    held: item.field('held').string(),
    ...(account === undefined ? {} : { account }),
    ...(stake === undefined ? {} : { stake }),
    ...(acquisition === undefined ? {} : { acquisitionNetAssetsGc: acquisition }),
    ...(goodwill === undefined ? {} : { goodwillGc: goodwill }),
  };
}

function parseIcRule(item: CaseReader, index: number): IcRule {
  const diff = item.fieldOf('diff_account', 'difference_account').optionalString();
  const accounts = (field: CaseReader): string[] =>
    typeof field.value === 'string' ? [field.string()] : field.items().map((a) => a.string());
  return {
    name: item.fieldOf('name', 'rule').optionalString() ?? `RULE${index + 1}`,
    sideA: accounts(item.field('side_a')),
    sideB: accounts(item.field('side_b')),
    ...(diff === undefined ? {} : { diffAccount: diff }),
  };
}

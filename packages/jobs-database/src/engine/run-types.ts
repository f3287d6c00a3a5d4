import type { AccountChart } from './accounts.js';
import type { ConsolidationMethod } from './ownership-types.js';

/** One data line as given in a bundle or journal. */
export interface LineInput {
  /** Account code. */
  readonly account: string;
  /** Amount, debit positive. */
  readonly amount: number;
  /** Counterparty, held company or dividend payer, depending on the account's role. */
  readonly partner?: string;
  /** Flow code, when the data carries a flow dimension. */
  readonly flow?: string;
  /** Transaction rate of this line, overriding its account's rate type (foreign companies only). */
  readonly rate?: number;
  /** Group-currency amount of this line, e.g. a carried-forward adjustment (foreign companies only). */
  readonly amountGc?: number;
}

/** A data line of one company, in group currency unless stated otherwise. */
export interface DataLine extends LineInput {
  /** Company the line belongs to. */
  readonly company: string;
}

/** Where a consolidated line comes from. */
export type LineOrigin =
  | 'bundle'
  | 'cta'
  | 'adjustment'
  | 'adjustment_cta'
  | 'ic_elimination'
  | 'dividend_elimination'
  | 'elimination'
  | 'goodwill'
  | 'equity_value'
  | 'cta_split'
  | 'nci'
  | 'conso_reserves';

/** A line of the consolidated data after Elims, in group currency. */
export interface ConsolidatedLine extends DataLine {
  /** The step and sub-step that produced the line. */
  readonly origin: LineOrigin;
  /** Journal or rule name, for adjustments and IC eliminations. */
  readonly source?: string;
}

/** Percentages and method the run uses for one company. */
export interface CompanyPercentages {
  /** Consolidation method. */
  readonly method: ConsolidationMethod;
  /** Financial interest g. */
  readonly group: number;
  /** Minority percentage m. */
  readonly minority: number;
  /** Integration percentage k. */
  readonly integration: number;
}

/** A company of the run. */
export interface RunCompany {
  /** Company code. */
  readonly code: string;
  /** Local currency. */
  readonly currency: string;
  /** Percentages and method. */
  readonly percentages: CompanyPercentages;
  /** CTA account of this company, when it differs from the chart's CTA-role account. */
  readonly ctaAccount?: string;
}

/** Closing and average rates of one currency (group-currency units per local unit). */
export interface CurrencyRates {
  /** Closing rate. */
  readonly closing?: number;
  /** Average rate of the period. */
  readonly average?: number;
}

/** Historical translation of one HC account: a rate or the carried group-currency amount. */
export interface HistoricalTranslation {
  /** Historical rate. */
  readonly rate?: number;
  /** Carried group-currency amount (prior closing plus movements at transaction rates). */
  readonly amountGc?: number;
}

/** A holding that Elims eliminates against the held company's equity. */
export interface InvestmentInput {
  /** Holding company. */
  readonly holder: string;
  /** Held company. */
  readonly held: string;
  /** Investment account; when absent every investment-role account with this partner counts. */
  readonly account?: string;
  /** Stake acquired, used for goodwill. */
  readonly stake?: number;
  /** Identifiable net assets of the held company at acquisition, in group currency. */
  readonly acquisitionNetAssetsGc?: number;
  /** Goodwill in group currency, when given directly instead of stake and net assets. */
  readonly goodwillGc?: number;
}

/** An intercompany elimination rule. */
export interface IcRule {
  /** Rule name, reported on each entry. */
  readonly name: string;
  /** Side-A accounts (for example receivables). */
  readonly sideA: readonly string[];
  /** Side-B accounts (for example payables). */
  readonly sideB: readonly string[];
  /** Account that takes the difference; chosen by role and type when absent. */
  readonly diffAccount?: string;
}

/** An adjustment journal. */
export interface AdjustmentJournal {
  /** Journal name. */
  readonly journal: string;
  /** Company the journal adjusts. */
  readonly company: string;
  /** Whether the lines are in the company's local currency or already in group currency. */
  readonly currency: 'local' | 'group';
  /** The journal lines. */
  readonly lines: readonly LineInput[];
}

/** Everything a consolidation run needs, already in memory. */
export interface ConsolidationRunInput {
  /** Group currency code. */
  readonly groupCurrency: string;
  /** Consolidating parent. */
  readonly parent: string;
  /** Chart of accounts. */
  readonly chart: AccountChart;
  /** Companies of the perimeter, in a stable order. */
  readonly companies: readonly RunCompany[];
  /** Rates per currency. */
  readonly rates: Readonly<Record<string, CurrencyRates>>;
  /** Historical translation per company and account. */
  readonly historical: Readonly<Record<string, Readonly<Record<string, HistoricalTranslation>>>>;
  /** Local-currency bundles per company. */
  readonly bundles: Readonly<Record<string, readonly LineInput[]>>;
  /** Adjustment journals. */
  readonly adjustments: readonly AdjustmentJournal[];
  /** Investments to eliminate. */
  readonly investments: readonly InvestmentInput[];
  /** Intercompany rules. */
  readonly icRules: readonly IcRule[];
}

/** One posting of an IC elimination, reported per rule, company, partner and account. */
export interface IcEliminationEntry {
  /** Rule name. */
  readonly rule: string;
  /** Company posted to. */
  readonly company: string;
  /** Partner company. */
  readonly partner: string;
  /** Account posted to. */
  readonly account: string;
  /** Amount in group currency. */
  readonly amount: number;
}

import type { AccountChart } from './accounts.js';
import type {
  CompanyPercentages,
  ConsolidatedLine,
  IcRule,
  InvestmentInput,
  RunCompany,
} from './run-types.js';

/** What every Elims sub-step reads: percentages, the chart and the 100% adjusted data. */
export interface ElimsContext {
  /** Chart of accounts. */
  readonly chart: AccountChart;
  /** Consolidating parent. */
  readonly parent: string;
  /** Companies in perimeter order. */
  readonly companies: readonly RunCompany[];
  /** Company data after Bundles and Adjustments, at 100%, in group currency. */
  readonly data: ReadonlyMap<string, readonly ConsolidatedLine[]>;
  /** Investments to eliminate. */
  readonly investments: readonly InvestmentInput[];
  /** Intercompany rules. */
  readonly icRules: readonly IcRule[];
}

/** Percentages of a company of the run, or undefined for a company outside the perimeter. */
export function percentagesOf(context: ElimsContext, company: string): CompanyPercentages | undefined {
  return context.companies.find((c) => c.code === company)?.percentages;
}

/** The CTA account of a company. */
export function ctaAccountOf(context: ElimsContext, company: string): string {
  return context.companies.find((c) => c.code === company)?.ctaAccount ?? context.chart.special('cta');
}

/** Integration factor of a method: G 1, P its integration percentage, E and N 0. */
export function integrationFactor(percentages: CompanyPercentages): number {
  if (percentages.method === 'G') return 1;
  if (percentages.method === 'P') return percentages.integration;
  return 0;
}

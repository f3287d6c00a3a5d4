import { translateJournal } from './adjustments.js';
import { AMOUNT_TOLERANCE, isZeroAmount, sumAmounts, totalsByAccount } from './amounts.js';
import { runEliminations } from './eliminations.js';
import type { ElimsContext } from './elims-context.js';
import { UnbalancedBundleError } from './errors/unbalanced-bundle-error.js';
import { UnknownCompanyError } from './errors/unknown-company-error.js';
import type { ConsolidatedLine, ConsolidationRunInput, IcEliminationEntry, RunCompany } from './run-types.js';
import { type TranslationContext, translateLines } from './translation.js';

/** Group result split (e): amounts are net results, so a profit is positive. */
export interface ResultAttribution {
  /** Consolidated net result before the NCI split. */
  readonly total: number;
  /** Group share: −Σ PL lines including NCI_PL. */
  readonly group: number;
  /** NCI share: the NCI_PL balance. */
  readonly nci: number;
}

/** Output of a consolidation run. */
export interface ConsolidationRunResult {
  /** Bundles in group currency per company and account, CTA plug included for foreign companies. */
  readonly translatedBundles: Map<string, Map<string, number>>;
  /** Adjustment journals in group currency per journal and account, own CTA plug included. */
  readonly translatedAdjustments: Map<string, Map<string, number>>;
  /** Intercompany elimination entries. */
  readonly icEliminationEntries: IcEliminationEntry[];
  /** Each company's data after Bundles and Adjustments, at 100%, in group currency (what Elims reads). */
  readonly companyData: Map<string, ConsolidatedLine[]>;
  /** Every consolidated line after Elims, in group currency. */
  readonly lines: ConsolidatedLine[];
  /** Σ per account over companies; accounts that total zero (within 0.005) are omitted. */
  readonly consolidatedTb: Map<string, number>;
  /** Result attribution. */
  readonly result: ResultAttribution;
  /** CONSO_RES per consolidated company. */
  readonly consoReservesByCompany: Map<string, number>;
}

/**
 * Runs Bundles → Adjustments → Elims on in-memory data. Adjustments are added to the company
 * data before Elims, so goodwill, NCI and consolidated reserves see the adjusted figures.
 */
export function runConsolidation(input: ConsolidationRunInput): ConsolidationRunResult {
  const byCode = new Map(input.companies.map((c) => [c.code, c]));
  const data = new Map<string, ConsolidatedLine[]>(input.companies.map((c) => [c.code, []]));
  const push = (company: string, line: ConsolidatedLine): void => {
    (data.get(company) as ConsolidatedLine[]).push(line);
  };

  const translatedBundles = new Map<string, Map<string, number>>();
  for (const company of input.companies) {
    const bundle = input.bundles[company.code];
    if (bundle === undefined) continue;
    const total = sumAmounts(bundle.map((l) => l.amount));
    if (!isZeroAmount(total)) throw new UnbalancedBundleError(company.code, total);
    const context = translationContext(input, company);
    const translated = translateLines(company.code, bundle, context, true);
    for (const line of translated.lines) push(company.code, { ...line, origin: 'bundle' });
    const totals = totalsByAccount(translated.lines);
    if (translated.foreign) {
      push(company.code, {
        company: company.code,
        account: context.ctaAccount,
        amount: translated.cta,
        origin: 'cta',
      });
      totals.set(context.ctaAccount, (totals.get(context.ctaAccount) ?? 0) + translated.cta);
    }
    translatedBundles.set(company.code, totals);
  }
  for (const code of Object.keys(input.bundles)) {
    if (!byCode.has(code)) throw new UnknownCompanyError(code, 'bundle');
  }

  const translatedAdjustments = new Map<string, Map<string, number>>();
  for (const journal of input.adjustments) {
    const company = byCode.get(journal.company);
    if (company === undefined) throw new UnknownCompanyError(journal.company, `journal ${journal.journal}`);
    const context = translationContext(input, company);
    const translated = translateJournal(journal, context);
    const totals = translatedAdjustments.get(journal.journal) ?? new Map<string, number>();
    const tagged: ConsolidatedLine[] = translated.lines.map((line) => ({
      ...line,
      origin: 'adjustment',
      source: journal.journal,
    }));
    if (translated.plug !== undefined) {
      tagged.push({ ...translated.plug, origin: 'adjustment_cta', source: journal.journal });
    }
    for (const line of tagged) {
      push(company.code, line);
      totals.set(line.account, (totals.get(line.account) ?? 0) + line.amount);
    }
    translatedAdjustments.set(journal.journal, totals);
  }

  const elimsContext: ElimsContext = {
    chart: input.chart,
    parent: input.parent,
    companies: input.companies,
    data,
    investments: input.investments,
    icRules: input.icRules,
  };
  const elims = runEliminations(elimsContext);
  const lines = [...elims.integrated, ...elims.icLines, ...elims.dividendLines, ...elims.equityLines];

  const consolidatedTb = new Map<string, number>();
  for (const [account, amount] of totalsByAccount(lines)) {
    if (Math.abs(amount) >= AMOUNT_TOLERANCE) consolidatedTb.set(account, amount);
  }
  return {
    translatedBundles,
    translatedAdjustments,
    icEliminationEntries: elims.icEntries,
    companyData: data,
    lines,
    consolidatedTb,
    result: attributeResult(input, lines),
    consoReservesByCompany: consoReserves(input, lines),
  };
}

function translationContext(input: ConsolidationRunInput, company: RunCompany): TranslationContext {
  return {
    chart: input.chart,
    groupCurrency: input.groupCurrency,
    currency: company.currency,
    rates: input.rates[company.currency] ?? input.rates[company.code],
    historical: input.historical[company.code] ?? {},
    ctaAccount: company.ctaAccount ?? input.chart.special('cta'),
  };
}

/** (e): group result = −Σ PL lines including NCI_PL; NCI result = NCI_PL. */
function attributeResult(
  input: ConsolidationRunInput,
  lines: readonly ConsolidatedLine[],
): ResultAttribution {
  const nciAccount = input.chart.special('nci_result');
  let pl = 0;
  let nci = 0;
  for (const line of lines) {
    if (input.chart.typeOf(line.account) !== 'PL') continue;
    if (line.account === nciAccount) nci += line.amount;
    else pl += line.amount;
  }
  return { total: -pl, group: -(pl + nci), nci };
}

function consoReserves(
  input: ConsolidationRunInput,
  lines: readonly ConsolidatedLine[],
): Map<string, number> {
  const account = input.chart.special('conso_reserves');
  const result = new Map<string, number>();
  for (const company of input.companies) {
    if (company.code === input.parent || company.percentages.method === 'N') continue;
    result.set(company.code, 0);
  }
  for (const line of lines) {
    if (line.account === account) result.set(line.company, (result.get(line.company) ?? 0) + line.amount);
  }
  return result;
}

import { sumAmounts } from './amounts.js';
import { ctaAccountOf, type ElimsContext } from './elims-context.js';
import type { CompanyPercentages, ConsolidatedLine, InvestmentInput, RunCompany } from './run-types.js';

/** One holder's investment in a consolidated company, valued for the elimination. */
export interface HolderStake {
  /** Holding company. */
  readonly holder: string;
  /** The holder's percentages. */
  readonly percentages: CompanyPercentages;
  /** Investment lines of the holder with this partner (group currency, 100%). */
  readonly lines: readonly ConsolidatedLine[];
  /** INV_h, the investment at cost in group currency. */
  readonly investment: number;
  /** GW_h = INV_h − stake × NA at acquisition. */
  readonly goodwill: number;
}

/** The equity figures of a consolidated company, from its 100% adjusted data. */
export interface EquityFigures {
  /** E_S: EQ lines except CTA (capital, reserves, dividends paid). */
  readonly equity: number;
  /** R_S: the PL total. */
  readonly result: number;
  /** T_S: the CTA balance. */
  readonly cta: number;
  /** NA_S = −(E + R + T). */
  readonly netAssets: number;
}

/**
 * Elims (d): participations and equity by the direct ("rake") technique. For each consolidated
 * company other than the parent, eliminates the holders' investments, replaces the integrated
 * equity (G/P) or the whole company (E, through EQUITY_VALUE and SHARE_EQM), books goodwill,
 * splits CTA and result between group and NCI, and keeps the group's post-acquisition share of
 * reserves in CONSO_RES of that company. Every entry balances when k = g + m.
 */
export function eliminateEquity(context: ElimsContext): ConsolidatedLine[] {
  const lines: ConsolidatedLine[] = [];
  const chart = context.chart;
  for (const company of context.companies) {
    const s = company.percentages;
    if (company.code === context.parent || s.method === 'N') continue;
    const data = context.data.get(company.code) ?? [];
    const ctaAccount = ctaAccountOf(context, company.code);
    const figures = equityFigures(context, company.code, data);
    const holders = stakesIn(context, company);
    const post = (
      account: string,
      amount: number,
      origin: ConsolidatedLine['origin'],
      partner?: string,
    ): void => {
      lines.push({
        company: company.code,
        account,
        amount,
        origin,
        ...(partner === undefined ? {} : { partner }),
      });
    };

    for (const h of holders) {
      for (const line of h.lines) {
        lines.push({ ...line, origin: 'elimination', amount: -h.percentages.integration * line.amount });
      }
    }
    const goodwillShare = sumAmounts(holders.map((h) => h.percentages.integration * h.goodwill));
    if (s.method === 'E') {
      post(chart.special('equity_value'), s.integration * figures.netAssets + goodwillShare, 'equity_value');
      post(chart.special('share_of_result_equity_method'), s.integration * figures.result, 'equity_value');
      post(ctaAccount, s.group * figures.cta, 'cta_split');
    } else {
      for (const line of data) {
        if (isEquityLine(context, line, ctaAccount)) {
          lines.push({ ...line, origin: 'elimination', amount: -s.integration * line.amount });
        }
      }
      for (const h of holders) {
        post(chart.special('goodwill'), h.percentages.integration * h.goodwill, 'goodwill', h.holder);
      }
      post(ctaAccount, -s.minority * figures.cta, 'cta_split');
    }
    const netEquity = figures.equity + figures.result + figures.cta;
    post(chart.special('nci'), s.minority * netEquity, 'nci');
    for (const h of holders) {
      post(chart.special('nci'), h.percentages.minority * (h.investment - h.goodwill), 'nci', h.holder);
    }
    post(chart.special('nci_result'), -s.minority * figures.result, 'nci');
    post(chart.special('conso_reserves'), s.group * figures.equity, 'conso_reserves');
    for (const h of holders) {
      post(
        chart.special('conso_reserves'),
        h.percentages.group * (h.investment - h.goodwill),
        'conso_reserves',
        h.holder,
      );
    }
  }
  return lines.filter((l) => l.amount !== 0);
}

/** E, R, T and NA of a company from its 100% adjusted group-currency data. */
export function equityFigures(
  context: ElimsContext,
  company: string,
  data: readonly ConsolidatedLine[],
): EquityFigures {
  const ctaAccount = ctaAccountOf(context, company);
  let equity = 0;
  let result = 0;
  let cta = 0;
  for (const line of data) {
    if (isCtaLine(context, line, ctaAccount)) cta += line.amount;
    else if (context.chart.typeOf(line.account) === 'PL') result += line.amount;
    else if (context.chart.typeOf(line.account) === 'EQ') equity += line.amount;
  }
  return { equity, result, cta, netAssets: -(equity + result + cta) };
}

function isCtaLine(context: ElimsContext, line: ConsolidatedLine, ctaAccount: string): boolean {
  return line.account === ctaAccount || context.chart.hasRole(line.account, 'cta');
}

function isEquityLine(context: ElimsContext, line: ConsolidatedLine, ctaAccount: string): boolean {
  return !isCtaLine(context, line, ctaAccount) && context.chart.typeOf(line.account) === 'EQ';
}

/**
 * The holdings to eliminate against a company: the listed investments, plus investment-role
 * lines of consolidated holders that no listing covers (taken at book value, no goodwill).
 */
export function stakesIn(context: ElimsContext, held: RunCompany): HolderStake[] {
  const stakes: HolderStake[] = [];
  const covered = new Set<string>();
  const holderOf = (code: string): RunCompany | undefined =>
    context.companies.find((c) => c.code === code && c.code !== held.code && c.percentages.method !== 'N');
  for (const inv of context.investments) {
    if (inv.held !== held.code) continue;
    const holder = holderOf(inv.holder);
    if (holder === undefined) continue;
    const lines = investmentLines(context, inv.holder, held.code, inv);
    for (const l of lines) covered.add(`${inv.holder}\u0000${l.account}`);
    const investment = sumAmounts(lines.map((l) => l.amount));
    stakes.push({
      holder: inv.holder,
      percentages: holder.percentages,
      lines,
      investment,
      goodwill: goodwillOf(inv, investment),
    });
  }
  for (const holder of context.companies) {
    // The same test as holderOf, without its search: that made this loop O(n²) per company.
    if (holder.code === held.code || holder.percentages.method === 'N') continue;
    const lines = (context.data.get(holder.code) ?? []).filter(
      (l) =>
        l.partner === held.code &&
        context.chart.hasRole(l.account, 'investment') &&
        !covered.has(`${holder.code}\u0000${l.account}`),
    );
    if (lines.length === 0) continue;
    const investment = sumAmounts(lines.map((l) => l.amount));
    stakes.push({ holder: holder.code, percentages: holder.percentages, lines, investment, goodwill: 0 });
  }
  return stakes;
}

function investmentLines(
  context: ElimsContext,
  holder: string,
  held: string,
  inv: InvestmentInput,
): ConsolidatedLine[] {
  const data = context.data.get(holder) ?? [];
  const matchesAccount = (account: string): boolean =>
    inv.account !== undefined ? account === inv.account : context.chart.hasRole(account, 'investment');
  const withPartner = data.filter((l) => l.partner === held && matchesAccount(l.account));
  if (withPartner.length > 0 || inv.account === undefined) return withPartner;
  // A named investment account booked without a partner still belongs to this holding.
  return data.filter((l) => l.partner === undefined && l.account === inv.account);
}

function goodwillOf(inv: InvestmentInput, investment: number): number {
  if (inv.goodwillGc !== undefined) return inv.goodwillGc;
  if (inv.stake === undefined || inv.acquisitionNetAssetsGc === undefined) return 0;
  return investment - inv.stake * inv.acquisitionNetAssetsGc;
}

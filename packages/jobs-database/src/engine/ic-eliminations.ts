import type { AccountChart } from './accounts.js';
import { sumAmounts } from './amounts.js';
import { type ElimsContext, percentagesOf } from './elims-context.js';
import type { ConsolidatedLine, IcEliminationEntry, IcRule } from './run-types.js';

/** Amounts this small are float noise, not a posting. */
const NOISE = 1e-9;

/** IC elimination postings, both as report entries and as consolidated lines. */
export interface IcEliminationResult {
  /** Entries per rule, company, partner and account, in posting order. */
  readonly entries: IcEliminationEntry[];
  /** The same postings as consolidated lines (flows kept). */
  readonly lines: ConsolidatedLine[];
}

/**
 * Elims (b): for each rule and ordered pair of G/P companies, removes f = min(k1, k2) of c1's
 * side-A lines with partner c2 and of c2's side-B lines with partner c1, and parks f·(a + b) on
 * the rule's difference account on c1 with partner c2. The difference is a suspense item: it is
 * not shared with minorities. Pairs involving E or N companies are left alone.
 */
export function eliminateIntercompany(context: ElimsContext): IcEliminationResult {
  const entries: IcEliminationEntry[] = [];
  const lines: ConsolidatedLine[] = [];
  for (const rule of context.icRules) {
    const diffAccount = differenceAccount(context.chart, rule);
    // A line eliminated once is not eliminated again when an account sits on both sides.
    const consumed = new Set<ConsolidatedLine>();
    for (const c1 of context.companies) {
      for (const c2 of context.companies) {
        if (
          c1.code === c2.code ||
          !isIntegrated(c1.percentages.method) ||
          !isIntegrated(c2.percentages.method)
        ) {
          continue;
        }
        const aLines = pick(context, c1.code, c2.code, rule.sideA, consumed);
        const bLines = pick(context, c2.code, c1.code, rule.sideB, consumed);
        if (aLines.length === 0 && bLines.length === 0) continue;
        for (const l of [...aLines, ...bLines]) consumed.add(l);
        const f = Math.min(c1.percentages.integration, c2.percentages.integration);
        const ruleEntries = new Map<string, IcEliminationEntry>();
        const post = (
          company: string,
          partner: string,
          account: string,
          amount: number,
          flow?: string,
        ): void => {
          lines.push({
            company,
            partner,
            account,
            amount,
            origin: 'ic_elimination',
            source: rule.name,
            ...(flow === undefined ? {} : { flow }),
          });
          const key = `${company}\u0000${partner}\u0000${account}`;
          const prior = ruleEntries.get(key);
          ruleEntries.set(key, {
            rule: rule.name,
            company,
            partner,
            account,
            amount: (prior?.amount ?? 0) + amount,
          });
        };
        for (const l of aLines) post(c1.code, c2.code, l.account, -f * l.amount, l.flow);
        for (const l of bLines) post(c2.code, c1.code, l.account, -f * l.amount, l.flow);
        const a = sumAmounts(aLines.map((l) => l.amount));
        const b = sumAmounts(bLines.map((l) => l.amount));
        const diff = f * (a + b);
        if (Math.abs(diff) > NOISE) post(c1.code, c2.code, diffAccount, diff);
        for (const entry of ruleEntries.values()) if (Math.abs(entry.amount) > NOISE) entries.push(entry);
      }
    }
  }
  return { entries, lines };
}

function isIntegrated(method: string): boolean {
  return method === 'G' || method === 'P';
}

function pick(
  context: ElimsContext,
  company: string,
  partner: string,
  accounts: readonly string[],
  consumed: ReadonlySet<ConsolidatedLine>,
): ConsolidatedLine[] {
  if (percentagesOf(context, company) === undefined) return [];
  return (context.data.get(company) ?? []).filter(
    (l) => l.partner === partner && accounts.includes(l.account) && !consumed.has(l),
  );
}

/**
 * The rule's difference account; when the rule names none, the ic_difference account of the
 * same type as its side-A accounts (balance-sheet or P&L suspense).
 */
function differenceAccount(chart: AccountChart, rule: IcRule): string {
  if (rule.diffAccount !== undefined) return rule.diffAccount;
  const sideType = chart.typeOf(rule.sideA[0] ?? rule.sideB[0] ?? '');
  const wantPl = sideType === 'PL';
  const candidates = chart.withRole('ic_difference');
  const match = candidates.find((code) => (chart.typeOf(code) === 'PL') === wantPl);
  return match ?? candidates[0] ?? (wantPl ? 'ICDIFF_PL' : 'ICDIFF_BS');
}

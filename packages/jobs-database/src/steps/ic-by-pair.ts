import { type ConsolidatedLine, type ElimsContext, eliminateIntercompany } from '../engine/index.js';

/**
 * Elims (b) pair by pair. The engine's `eliminateIntercompany` walks every ordered pair of the
 * perimeter, which is a million pairs per rule for a thousand companies; here it is called once
 * per pair of companies that actually carry intercompany lines with each other, with a context of
 * just those two (in perimeter order). A line is only ever matched within its own pair, so the
 * postings are the same as one call on the whole perimeter.
 */
export function eliminateIntercompanyByPair(context: ElimsContext): ConsolidatedLine[] {
  const ruleAccounts = new Set(context.icRules.flatMap((r) => [...r.sideA, ...r.sideB]));
  const position = new Map(context.companies.map((c, i) => [c.code, i]));
  const pairs = new Map<string, [number, number]>();
  for (const [company, lines] of context.data) {
    const i = position.get(company);
    if (i === undefined) continue;
    for (const line of lines) {
      if (line.partner === undefined || !ruleAccounts.has(line.account)) continue;
      const j = position.get(line.partner);
      if (j === undefined || j === i) continue;
      const pair: [number, number] = i < j ? [i, j] : [j, i];
      pairs.set(`${pair[0]}/${pair[1]}`, pair);
    }
  }
  const lines: ConsolidatedLine[] = [];
  const ordered = [...pairs.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [i, j] of ordered) {
    const first = context.companies[i];
    const second = context.companies[j];
    if (first === undefined || second === undefined) continue;
    const data = new Map<string, readonly ConsolidatedLine[]>([
      [first.code, context.data.get(first.code) ?? []],
      [second.code, context.data.get(second.code) ?? []],
    ]);
    lines.push(...eliminateIntercompany({ ...context, companies: [first, second], data }).lines);
  }
  return lines;
}

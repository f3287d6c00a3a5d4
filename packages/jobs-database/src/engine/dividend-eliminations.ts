import { type ElimsContext, percentagesOf } from './elims-context.js';
import type { ConsolidatedLine } from './run-types.js';

/**
 * Elims (c): intra-group dividends. A G or P holder's dividend income from a G, P or E company
 * is removed at the holder's integration percentage; the group's share moves into the payer's
 * consolidated reserves and the holder's minority share into NCI, so the result is not counted
 * twice (once in the payer's result, once as dividend income).
 */
export function eliminateDividends(context: ElimsContext): ConsolidatedLine[] {
  const lines: ConsolidatedLine[] = [];
  const consoRes = context.chart.special('conso_reserves');
  const nci = context.chart.special('nci');
  for (const holder of context.companies) {
    const h = holder.percentages;
    if (h.method !== 'G' && h.method !== 'P') continue;
    for (const line of context.data.get(holder.code) ?? []) {
      if (!context.chart.hasRole(line.account, 'dividend_income') || line.partner === undefined) continue;
      const payer = line.partner;
      const s = percentagesOf(context, payer);
      if (payer === holder.code || s === undefined || s.method === 'N') continue;
      const base = { origin: 'dividend_elimination' as const };
      lines.push({
        ...base,
        company: holder.code,
        account: line.account,
        partner: payer,
        amount: -h.integration * line.amount,
      });
      lines.push({
        ...base,
        company: payer,
        account: consoRes,
        partner: holder.code,
        amount: h.group * line.amount,
      });
      lines.push({
        ...base,
        company: holder.code,
        account: nci,
        partner: payer,
        amount: h.minority * line.amount,
      });
    }
  }
  return lines;
}

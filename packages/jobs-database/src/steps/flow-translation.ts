import {
  type DataLine,
  type LineInput,
  TRANSLATION_DIFF_FLOW,
  type TranslationContext,
  translateFlows,
} from '../engine/index.js';
import type { ConsoModel } from '../loading/conso-model.js';

/** A translated line with the local line it came from. */
export interface TranslatedPair<L extends LineInput> {
  /** The local-currency line. */
  readonly local: L;
  /** Its translation. */
  readonly translated: DataLine;
}

/**
 * Re-spreads the translation of closing-rate accounts over their flows (SPEC 2.2 step 4): the
 * opening flow at the previous period's closing rate, movements at the average rate, and the
 * difference on the translation-difference flow. The account's total stays what the closing rate
 * gave, so balances, CTA and Elims do not change; only the flow analysis becomes meaningful.
 * Applies per account, partner and dimension, to groups whose every line has a flow; skipped
 * when there is no opening rate or no flow of kind `translation_diff`.
 */
export function translateByFlows<L extends LineInput & { readonly dimension?: string }>(
  model: ConsoModel,
  context: TranslationContext,
  pairs: readonly TranslatedPair<L>[],
): { pairs: TranslatedPair<L>[]; extra: (DataLine & { dimension?: string })[] } {
  const openingRate = model.rates.openingRates[context.currency];
  const closing = context.rates?.closing;
  const average = context.rates?.average;
  const diffFlow = [...model.codes.flowKinds].find(([, kind]) => kind === 'translation_diff')?.[0];
  if (openingRate === undefined || closing === undefined || average === undefined || diffFlow === undefined) {
    return { pairs: [...pairs], extra: [] };
  }
  const groups = new Map<string, number[]>();
  pairs.forEach((pair, i) => {
    const definition = model.chart.find(pair.local.account);
    const rateType = definition?.rate ?? (definition?.type === 'BS' ? 'CC' : undefined);
    if (rateType !== 'CC' || pair.local.rate !== undefined || pair.local.amountGc !== undefined) return;
    const key = `${pair.local.account}\u0000${pair.local.partner ?? ''}\u0000${pair.local.dimension ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  const result = [...pairs];
  const extra: (DataLine & { dimension?: string })[] = [];
  for (const indices of groups.values()) {
    const members = indices.map((i) => pairs[i] as TranslatedPair<L>);
    const kinds = members.map((p) =>
      p.local.flow === undefined ? undefined : model.codes.flowKinds.get(p.local.flow),
    );
    if (kinds.some((k) => k === undefined || k === 'closing' || k === 'translation_diff')) continue;
    const flowsLc: Record<string, number> = {};
    for (const p of members)
      flowsLc[p.local.flow as string] = (flowsLc[p.local.flow as string] ?? 0) + p.local.amount;
    const openingFlow = members.find((_, j) => kinds[j] === 'opening')?.local.flow ?? '\u0000none';
    const flows = translateFlows({ openingRate, average, closing, flowsLc, openingFlow });
    const counts = new Map<string, number>();
    for (const p of members)
      counts.set(p.local.flow as string, (counts.get(p.local.flow as string) ?? 0) + 1);
    indices.forEach((i) => {
      const pair = pairs[i] as TranslatedPair<L>;
      const flow = pair.local.flow as string;
      const local = flowsLc[flow] ?? 0;
      const share = local === 0 ? 1 / (counts.get(flow) ?? 1) : pair.local.amount / local;
      result[i] = {
        local: pair.local,
        translated: { ...pair.translated, amount: (flows.flowsGc[flow] ?? 0) * share },
      };
    });
    const first = members[0] as TranslatedPair<L>;
    extra.push({
      company: first.translated.company,
      account: first.local.account,
      amount: flows.flowsGc[TRANSLATION_DIFF_FLOW] ?? 0,
      flow: diffFlow,
      ...(first.local.partner === undefined ? {} : { partner: first.local.partner }),
      ...(first.local.dimension === undefined ? {} : { dimension: first.local.dimension }),
    });
  }
  return { pairs: result, extra };
}

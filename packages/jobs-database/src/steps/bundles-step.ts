import {
  isZeroAmount,
  type RunCompany,
  sumAmounts,
  translateLines,
  UnbalancedBundleError,
} from '../engine/index.js';
import type { BundleLine } from '../loading/bundle-reader.js';
import { type OutputLine, toConsolidatedRows } from '../writing/consolidated-rows.js';
import { STEP_NAMES } from '../writing/step-names.js';
import { deleteStepOutput, insertConsolidatedRows } from '../writing/step-output.js';
import { bundleBatches } from './bundle-batches.js';
import { translateByFlows } from './flow-translation.js';
import type { StepResult, StepRun } from './step-run.js';
import { translationContextOf } from './translation-context.js';

/**
 * Bundles: per batch of companies, reads the local bundles (summed in SQL), checks each balances,
 * translates every line by its account's rate type with the CTA plug (flows re-spread by
 * {@link translateByFlows}) and writes the result as the company's 100% data, replacing the
 * step's earlier rows of those companies. The formulas are a step of their own (`formulas-step`).
 */
export async function runBundlesStep(run: StepRun): Promise<StepResult> {
  const deleted = await deleteStepOutput(run.trx, run.model.conso.id, 'bundles', run.selectedIds);
  let written = 0;
  for await (const batch of bundleBatches(run)) {
    const lines = batch.flatMap(({ company, bundle }) => translateCompany(run, company, bundle));
    written += await insertConsolidatedRows(
      run.trx,
      toConsolidatedRows(run.model, STEP_NAMES.bundles, lines),
    );
  }
  return { deleted, written };
}

function translateCompany(run: StepRun, company: RunCompany, bundle: readonly BundleLine[]): OutputLine[] {
  const total = sumAmounts(bundle.map((l) => l.amount));
  if (!isZeroAmount(total)) throw new UnbalancedBundleError(company.code, total);
  const context = translationContextOf(run.model, company);
  const translated = translateLines(company.code, bundle, context, true);
  // translateLines drops lines on the CTA account of a foreign company and keeps the rest in order.
  const kept = translated.foreign ? bundle.filter((l) => l.account !== context.ctaAccount) : bundle;
  const pairs = kept.map((l, i) => ({
    local: l,
    translated: translated.lines[i] ?? { ...l, company: company.code },
  }));
  const byFlows = translated.foreign ? translateByFlows(run.model, context, pairs) : { pairs, extra: [] };
  const out: OutputLine[] = byFlows.pairs.map(({ local: l, translated: t }) => ({
    company: company.code,
    account: t.account,
    amount: t.amount,
    origin: 'bundle',
    ...(t.partner === undefined ? {} : { partner: t.partner }),
    ...(t.flow === undefined ? {} : { flow: t.flow }),
    ...(l.dimension === undefined ? {} : { dimension: l.dimension }),
  }));
  for (const line of byFlows.extra) out.push({ ...line, origin: 'translation' });
  if (translated.foreign) {
    out.push({ company: company.code, account: context.ctaAccount, amount: translated.cta, origin: 'cta' });
  }
  if (run.options.debug) {
    run.log.debug({ company: company.code, lines: out.length, cta: translated.cta }, 'bundle translated');
  }
  return out;
}

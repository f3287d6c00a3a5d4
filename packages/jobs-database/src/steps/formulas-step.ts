import { cleanAmount, type RunCompany, totalsByAccount, translateLines } from '../engine/index.js';
import { applyFormulas } from '../formulas/apply-formulas.js';
import type { LoadedFormula } from '../formulas/formula-loader.js';
import type { BundleLine } from '../loading/bundle-reader.js';
import { type OutputLine, toConsolidatedRows } from '../writing/consolidated-rows.js';
import { STEP_NAMES } from '../writing/step-names.js';
import { deleteStepOutput, insertConsolidatedRows } from '../writing/step-output.js';
import { bundleBatches } from './bundle-batches.js';
import type { StepResult, StepRun } from './step-run.js';
import { translationContextOf } from './translation-context.js';

/**
 * The `before_consolidation` formulas, as a step of their own: per batch of companies, evaluates
 * them on the local bundle as it stands (after LinkedCategories when that ran) and stores what
 * they add in group currency under step `formulas`, replacing the step's earlier rows of the
 * selected companies (so a formula removed from the group leaves nothing behind). Formulas are
 * data-level: they run whichever steps are selected, built in or stored procedures.
 */
export async function runFormulasStep(run: StepRun, formulas: readonly LoadedFormula[]): Promise<StepResult> {
  const deleted = await deleteStepOutput(run.trx, run.model.conso.id, 'formulas', run.selectedIds);
  if (formulas.length === 0) return { deleted, written: 0 };
  let written = 0;
  for await (const batch of bundleBatches(run)) {
    const lines = batch.flatMap(({ company, bundle }) => formulaLines(run, company, bundle, formulas));
    written += await insertConsolidatedRows(
      run.trx,
      toConsolidatedRows(run.model, STEP_NAMES.formulas, lines),
    );
  }
  return { deleted, written };
}

/**
 * What the formulas add to a company's translated bundle, per account, plus the CTA they cause.
 * Taken as the difference between translating the bundle with and without the formula lines, so
 * the sum of the `bundles` and `formulas` rows is exactly the translation of the bundle the
 * formulas changed: an account carried at a fixed group-currency amount keeps that amount.
 */
function formulaLines(
  run: StepRun,
  company: RunCompany,
  bundle: readonly BundleLine[],
  formulas: readonly LoadedFormula[],
): OutputLine[] {
  const added = applyFormulas(formulas, bundle, run.model.chart, company.percentages);
  if (added.length === 0) return [];
  const context = translationContextOf(run.model, company);
  const alone = translateLines(company.code, bundle, context, true);
  const changed = translateLines(company.code, [...bundle, ...added], context, true);
  const before = totalsByAccount(alone.lines);
  const out: OutputLine[] = [];
  for (const [account, amount] of totalsByAccount(changed.lines)) {
    const delta = cleanAmount(amount - (before.get(account) ?? 0));
    if (delta !== 0) out.push({ company: company.code, account, amount: delta, origin: 'formula' });
  }
  const cta = cleanAmount(changed.cta - alone.cta);
  if (cta !== 0) out.push({ company: company.code, account: context.ctaAccount, amount: cta, origin: 'cta' });
  return out;
}

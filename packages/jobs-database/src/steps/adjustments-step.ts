import { t } from '@hangar/core';
import { translateJournal, UnknownCompanyError } from '../engine/index.js';
import { loadJournals } from '../loading/adjustments-loader.js';
import { type OutputLine, toConsolidatedRows } from '../writing/consolidated-rows.js';
import { adjustmentStep } from '../writing/step-names.js';
import { deleteStepOutput, insertConsolidatedRows } from '../writing/step-output.js';
import type { StepResult, StepRun } from './step-run.js';
import { translationContextOf } from './translation-context.js';

/**
 * Adjustments: translates each balanced journal of the selected companies like a bundle, with its
 * own CTA plug for a local-currency journal of a foreign company, and writes it next to the
 * bundles as company data (so Elims sees adjusted figures). Journals flagged unbalanced are not
 * posted and are reported as warnings.
 */
export async function runAdjustmentsStep(run: StepRun): Promise<StepResult> {
  const { model } = run;
  const deleted = await deleteStepOutput(run.trx, model.conso.id, 'adjustments', run.selectedIds);
  const journals = await loadJournals(
    run.trx,
    model.conso,
    run.selectedIdList,
    { chart: model.chart, accounts: model.accounts },
    model.codes,
  );
  for (const code of journals.skipped) {
    run.warn(t('conso.warning.journalNotBalanced', { journal: code, conso: model.conso.code }));
  }
  let written = 0;
  for (const journal of journals.posted) {
    run.checkpoint();
    const company = model.companies.find((c) => c.code === journal.company);
    if (company === undefined) throw new UnknownCompanyError(journal.company, `journal ${journal.journal}`);
    const translated = translateJournal(journal, translationContextOf(model, company));
    const lines: OutputLine[] = translated.lines.map((l) => ({ ...l, origin: 'adjustment' }));
    if (translated.plug !== undefined) lines.push({ ...translated.plug, origin: 'cta' });
    written += await insertConsolidatedRows(
      run.trx,
      toConsolidatedRows(model, adjustmentStep(journal.id), lines),
    );
  }
  return { deleted, written };
}

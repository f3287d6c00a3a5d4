import type { RunCompany } from '../engine/index.js';
import { type BundleLine, readBundles } from '../loading/bundle-reader.js';
import { companyIdOf } from '../loading/conso-model.js';
import type { StepRun } from './step-run.js';

/** One company of a batch with its local bundle (summed in SQL). */
export interface CompanyBundle {
  /** The company. */
  readonly company: RunCompany;
  /** Its local-currency lines. */
  readonly bundle: readonly BundleLine[];
}

/**
 * The selected companies' local bundles, one batch of `companyBatchSize` companies at a time, so
 * no step holds a whole conso's data. Checks for cancellation between batches. Companies without
 * bundle lines are left out.
 */
export async function* bundleBatches(run: StepRun): AsyncGenerator<CompanyBundle[]> {
  const size = Math.max(1, run.options.companyBatchSize);
  for (let start = 0; start < run.selected.length; start += size) {
    run.checkpoint();
    const batch = run.selected.slice(start, start + size);
    const bundles = await readBundles(
      run.trx,
      run.model.conso,
      batch.map((c) => companyIdOf(run.model, c.code)),
      { chart: run.model.chart, accounts: run.model.accounts },
      run.model.codes,
      { dimensions: run.options.executeDimensions },
    );
    const found: CompanyBundle[] = [];
    for (const company of batch) {
      const bundle = bundles.get(company.code);
      if (bundle !== undefined) found.push({ company, bundle });
    }
    yield found;
  }
}

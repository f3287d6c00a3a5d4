import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import { type ConsolidationRunResult, type LineInput, runConsolidation } from '../engine/index.js';
import { applyFormulas } from '../formulas/apply-formulas.js';
import { BEFORE_CONSOLIDATION_GROUP, loadFormulas } from '../formulas/formula-loader.js';
import { loadJournals } from '../loading/adjustments-loader.js';
import { readBundles } from '../loading/bundle-reader.js';
import { companyIdOf, loadConsoModel } from '../loading/conso-model.js';

/**
 * Runs the pure engine's `runConsolidation` on a conso's whole data loaded in memory (the way the
 * jobs avoid at scale), as the reference the jobs' database results are compared with.
 */
export async function engineRunFromDb(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
): Promise<ConsolidationRunResult> {
  const model = await loadConsoModel(db, conso);
  const ids = model.companies.map((c) => companyIdOf(model, c.code));
  const chart = { chart: model.chart, accounts: model.accounts };
  const bundles = await readBundles(db, conso, ids, chart, model.codes, { dimensions: false });
  const formulas = await loadFormulas(db, conso.customer_id, BEFORE_CONSOLIDATION_GROUP, model.accounts);
  const withFormulas: Record<string, LineInput[]> = {};
  for (const company of model.companies) {
    const lines = bundles.get(company.code);
    if (lines === undefined) continue;
    withFormulas[company.code] = [
      ...lines,
      ...applyFormulas(formulas, lines, model.chart, company.percentages),
    ];
  }
  const journals = await loadJournals(db, conso, ids, chart, model.codes);
  return runConsolidation({
    groupCurrency: conso.group_currency,
    parent: model.parent,
    chart: model.chart,
    companies: model.companies,
    rates: model.rates.rates,
    historical: model.rates.historical,
    bundles: withFormulas,
    adjustments: journals.posted,
    investments: model.investments,
    icRules: model.icRules,
  });
}

/** The consolidated TB of a conso as stored: Σ amount per account code over every row. */
export async function storedTb(db: Kysely<ConsoDatabase>, consoId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('consolidated_data as cd')
    .innerJoin('accounts as a', 'a.id', 'cd.account_id')
    .select(['a.code', sql<number>`sum(cd.amount_gc)`.as('amount')])
    .where('cd.conso_id', '=', consoId)
    .groupBy('a.code')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.amount)]));
}

/** Every stored row of a conso as sorted text lines, to compare two runs exactly. */
export async function storedRowsFingerprint(db: Kysely<ConsoDatabase>, consoId: number): Promise<string[]> {
  const rows = await db.selectFrom('consolidated_data').selectAll().where('conso_id', '=', consoId).execute();
  return rows
    .map((r) =>
      [
        r.company_id,
        r.account_id,
        r.partner_company_id,
        r.flow_id,
        r.dimension,
        r.origin,
        r.step,
        Number(r.amount_gc).toFixed(6),
      ].join('|'),
    )
    .sort();
}

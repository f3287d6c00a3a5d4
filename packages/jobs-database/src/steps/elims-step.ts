import type { DataOrigin } from '@hangar/conso-db';
import { sql } from 'kysely';
import {
  type ConsolidatedLine,
  type ElimsContext,
  eliminateDividends,
  eliminateEquity,
  integrationFactor,
} from '../engine/index.js';
import { companyIdOf } from '../loading/conso-model.js';
import { toConsolidatedRows } from '../writing/consolidated-rows.js';
import { dataOrigin } from '../writing/origin-mapping.js';
import { companyDataFilter, icStep, STEP_NAMES } from '../writing/step-names.js';
import { deleteStepOutput, insertConsolidatedRows } from '../writing/step-output.js';
import { readElimsData } from './elims-data-reader.js';
import { eliminateIntercompanyByPair } from './ic-by-pair.js';
import type { StepResult, StepRun } from './step-run.js';

/**
 * Elims in the spec's order. (a) Integration is one INSERT … SELECT per P, E or N company that
 * posts (factor − 1) × each of its data rows, so the company's rows net to its integrated share
 * and the sum of all rows of the conso is the consolidated TB. (b)–(d) run the engine on the
 * perimeter's data (see {@link readElimsData}); with a company selection, only rows posted on the
 * selected companies are replaced, so running every company in parts gives the full result.
 */
export async function runElimsStep(run: StepRun): Promise<StepResult> {
  const { model } = run;
  const deleted = await deleteStepOutput(run.trx, model.conso.id, 'elims', run.selectedIds);
  let written = 0;
  for (const company of run.selected) {
    const factor = integrationFactor(company.percentages);
    if (factor === 1) continue;
    written += await integrate(
      run,
      companyIdOf(model, company.code),
      factor - 1,
      integrationOrigin(company.percentages.method),
    );
  }
  run.checkpoint();
  const context: ElimsContext = {
    chart: model.chart,
    parent: model.parent,
    companies: model.companies,
    data: await readElimsData(run.trx, model),
    investments: model.investments,
    icRules: model.icRules,
  };
  const selected = new Set(run.selected.map((c) => c.code));
  const keep = (lines: readonly ConsolidatedLine[]) => lines.filter((l) => selected.has(l.company));
  const icLines = eliminateIntercompanyByPair(context);
  for (const rule of model.icRules) {
    const lines = keep(icLines.filter((l) => l.source === rule.name));
    written += await write(run, icStep(rule.id), lines);
  }
  run.checkpoint();
  written += await write(run, STEP_NAMES.dividends, keep(eliminateDividends(context)));
  written += await write(run, STEP_NAMES.equity, keep(eliminateEquity(context)));
  return { deleted, written };
}

function integrationOrigin(method: string): DataOrigin {
  if (method === 'P') return 'proportional';
  if (method === 'E') return 'equity_method';
  return 'elimination';
}

async function write(run: StepRun, step: string, lines: readonly ConsolidatedLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  const out = lines.map((l) => ({ ...l, origin: dataOrigin(l.origin) }));
  return insertConsolidatedRows(run.trx, toConsolidatedRows(run.model, step, out));
}

async function integrate(
  run: StepRun,
  companyId: number,
  delta: number,
  origin: DataOrigin,
): Promise<number> {
  const result = await run.trx
    .insertInto('consolidated_data')
    .columns([
      'conso_id',
      'company_id',
      'account_id',
      'partner_company_id',
      'flow_id',
      'dimension',
      'origin',
      'step',
      'amount_gc',
    ])
    .expression(
      run.trx
        .selectFrom('consolidated_data')
        .select([
          'conso_id',
          'company_id',
          'account_id',
          'partner_company_id',
          'flow_id',
          'dimension',
          sql.lit(origin).as('origin'),
          sql.lit(STEP_NAMES.integration).as('step'),
          sql<number>`amount_gc * ${delta}`.as('amount_gc'),
        ])
        .where('conso_id', '=', run.model.conso.id)
        .where('company_id', '=', companyId)
        .where(companyDataFilter()),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

import { cleanAmount } from './amounts.js';
import { CaseReader } from './case-reader.js';
import { runConsolidation } from './consolidation-run.js';
import { UnknownStepError } from './errors/unknown-step-error.js';
import { translateFlows } from './flow-translation.js';
import { closingToOpening } from './linked-categories.js';
import { calculateIndirectPercentages } from './ownership.js';
import { parseFlowsInput } from './parse-flows-case.js';
import { parseLinkedInput } from './parse-linked-case.js';
import { parseOwnershipInput } from './parse-ownership-case.js';
import { parseRunInput } from './parse-run-case.js';

/** The steps a case can name. */
export const CASE_STEPS = [
  'CalculateIndirectPercentages',
  'ConsolidationRun',
  'LinkedCategories',
  'Bundles.translation_of_flows',
] as const;

/** One of the steps a case can name. */
export type CaseStep = (typeof CASE_STEPS)[number];

/**
 * Runs one reference case through the engine and returns an object whose keys mirror the
 * case's `expected` for its step. Only `step` and `input` are read; `expected` never is.
 */
export function evaluateCase(caseJson: unknown): Record<string, unknown> {
  const root = new CaseReader(caseJson, 'case');
  if (!root.isObject) root.fail('expected a case object {id, step, input}');
  const stepText = root.field('step').string();
  const step = CASE_STEPS.find((s) => s === stepText);
  if (step === undefined) throw new UnknownStepError(stepText);
  const input = root.field('input');
  if (!input.isObject) input.fail(input.isMissing ? 'required object is missing' : 'expected an object');
  switch (step) {
    case 'CalculateIndirectPercentages':
      return evaluateOwnership(input);
    case 'ConsolidationRun':
      return evaluateRun(input);
    case 'LinkedCategories':
      return evaluateLinked(input);
    case 'Bundles.translation_of_flows':
      return evaluateFlows(input);
  }
}

function evaluateOwnership(input: CaseReader): Record<string, unknown> {
  const ownershipInput = parseOwnershipInput(input);
  const result = calculateIndirectPercentages(ownershipInput);
  const companies: Record<string, unknown> = {};
  for (const [name, c] of result.companies) {
    companies[name] = {
      interest: c.interest,
      control: c.control,
      method: c.method,
      minority: c.minority,
      integration: c.integration,
      ...(c.exact === undefined
        ? {}
        : {
            exact: {
              interest: c.exact.interest.toString(),
              control: c.exact.control.toString(),
              minority: c.exact.minority.toString(),
              integration: c.exact.integration.toString(),
            },
          }),
    };
  }
  const output: Record<string, unknown> = {};
  if ((ownershipInput.shareholdings ?? []).length > 0) {
    output.direct = result.direct.map((d) => ({
      holder: d.holder,
      held: d.held,
      // Exact fractions as strings, the shape the reference cases use for direct percentages.
      fin: d.exactFin.toString(),
      ctrl: d.exactCtrl.toString(),
    }));
  }
  output.companies = companies;
  output.inverse_matrix_I_minus_A = {
    order: [...result.companies.keys()],
    rows: result.inverse.map((row) => row.map((v) => (Object.is(v, -0) ? 0 : v))),
  };
  return output;
}

function evaluateRun(input: CaseReader): Record<string, unknown> {
  const result = runConsolidation(parseRunInput(input));
  return {
    translated_bundles: nestedAmounts(result.translatedBundles),
    translated_adjustments: nestedAmounts(result.translatedAdjustments),
    ic_elimination_entries: result.icEliminationEntries.map((e) => ({ ...e, amount: cleanAmount(e.amount) })),
    consolidated_tb: amounts(result.consolidatedTb),
  };
}

function evaluateLinked(input: CaseReader): Record<string, unknown> {
  return { target_opening: nestedAmounts(closingToOpening(parseLinkedInput(input))) };
}

function evaluateFlows(input: CaseReader): Record<string, unknown> {
  const result = translateFlows(parseFlowsInput(input));
  const flows: Record<string, number> = {};
  for (const [flow, amount] of Object.entries(result.flowsGc)) flows[flow] = cleanAmount(amount);
  return { flows_gc: flows, closing_gc: cleanAmount(result.closingGc) };
}

function amounts(map: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of map) out[key] = cleanAmount(value);
  return out;
}

function nestedAmounts(
  map: ReadonlyMap<string, ReadonlyMap<string, number>>,
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [key, inner] of map) out[key] = amounts(inner);
  return out;
}

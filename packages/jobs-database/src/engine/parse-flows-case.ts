import type { CaseReader } from './case-reader.js';
import type { FlowTranslationInput } from './flow-translation.js';

/** Reads the input of a Bundles.translation_of_flows case. */
export function parseFlowsInput(input: CaseReader): FlowTranslationInput {
  const rates = input.field('rates');
  const rate = (...names: string[]): number => {
    const direct = input.fieldOf(...names);
    return direct.isMissing && rates.isObject ? rates.fieldOf(...names).number() : direct.number();
  };
  const flowsLc: Record<string, number> = {};
  for (const [flow, amount] of input.field('flows_lc').entries()) flowsLc[flow] = amount.number();
  const flowRates: Record<string, number> = {};
  const flowRatesField = input.field('flow_rates');
  if (!flowRatesField.isMissing) {
    for (const [flow, value] of flowRatesField.entries()) flowRates[flow] = value.number();
  }
  const closingLc = input.field('closing_lc').optionalNumber();
  const openingFlow = input.field('opening_flow').optionalString();
  return {
    openingRate: rate('opening_rate', 'opening', 'reference_closing', 'prior_closing'),
    average: rate('average', 'average_rate'),
    closing: rate('closing', 'closing_rate'),
    flowsLc,
    flowRates,
    ...(closingLc === undefined ? {} : { closingLc }),
    ...(openingFlow === undefined ? {} : { openingFlow }),
  };
}

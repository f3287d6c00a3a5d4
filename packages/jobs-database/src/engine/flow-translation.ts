/** Name of the plug flow that takes the translation difference. */
export const TRANSLATION_DIFF_FLOW = 'TRANSLATION_DIFF';

/** Flow codes treated as the opening balance when no opening flow is named. */
const OPENING_FLOW_NAMES = ['OPENING', 'F00', 'OPEN'];

/** Flow codes that state the closing balance rather than a movement. */
const CLOSING_FLOW_NAMES = ['CLOSING', 'F99', 'CLOSE'];

/** Input of a flow-analysis translation for one account. */
export interface FlowTranslationInput {
  /** Reference closing rate, used for the opening flow. */
  readonly openingRate: number;
  /** Average rate, used for the movements. */
  readonly average: number;
  /** Closing rate, used for the closing balance. */
  readonly closing: number;
  /** Local-currency amount per flow, opening included. */
  readonly flowsLc: Readonly<Record<string, number>>;
  /** Local-currency closing balance; the sum of the flows when absent. */
  readonly closingLc?: number;
  /** The opening flow's code, when it is not one of the usual names. */
  readonly openingFlow?: string;
  /** Movement flows translated at their own transaction rate instead of the average. */
  readonly flowRates?: Readonly<Record<string, number>>;
}

/** Flows and closing in group currency. */
export interface FlowTranslationResult {
  /** Group-currency amount per flow, including the TRANSLATION_DIFF plug. */
  readonly flowsGc: Record<string, number>;
  /** Closing balance at the closing rate. */
  readonly closingGc: number;
}

/**
 * Translates a flow analysis: opening at the reference closing rate, movements at the average
 * (or their own) rate, closing at the closing rate; TRANSLATION_DIFF takes what is left so the
 * flows still add up to the closing balance.
 */
export function translateFlows(input: FlowTranslationInput): FlowTranslationResult {
  const openingFlow =
    input.openingFlow ?? OPENING_FLOW_NAMES.find((name) => Object.hasOwn(input.flowsLc, name));
  const closingFlow = CLOSING_FLOW_NAMES.find((name) => Object.hasOwn(input.flowsLc, name));
  const flowsGc: Record<string, number> = {};
  let translatedSum = 0;
  let localSum = 0;
  for (const [flow, amount] of Object.entries(input.flowsLc)) {
    if (flow === TRANSLATION_DIFF_FLOW || flow === closingFlow) continue;
    const rate = flow === openingFlow ? input.openingRate : (input.flowRates?.[flow] ?? input.average);
    const gc = amount * rate;
    flowsGc[flow] = gc;
    translatedSum += gc;
    localSum += amount;
  }
  const statedClosing = closingFlow === undefined ? undefined : input.flowsLc[closingFlow];
  const closingGc = (input.closingLc ?? statedClosing ?? localSum) * input.closing;
  flowsGc[TRANSLATION_DIFF_FLOW] = closingGc - translatedSum;
  if (closingFlow !== undefined) flowsGc[closingFlow] = closingGc;
  return { flowsGc, closingGc };
}

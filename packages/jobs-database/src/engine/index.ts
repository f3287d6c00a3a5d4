// Public API of the consolidation engine: pure functions over in-memory data, no database and no I/O.

/** Chart of accounts with lookup by role. */
export {
  AccountChart,
  type AccountDefinition,
  type AccountRole,
  type AccountType,
  type RateType,
} from './accounts.js';
/** Adjustment journals: balance check and translation with their own CTA plug. */
export { type TranslatedJournal, translateJournal } from './adjustments.js';
/** Amount tolerance and summing helpers shared by every step. */
export { AMOUNT_TOLERANCE, cleanAmount, isZeroAmount, sumAmounts, totalsByAccount } from './amounts.js';
/** Path-aware reader of case JSON, for clear input errors. */
export { CaseReader, type JsonObject } from './case-reader.js';
/** Companies whose closed ownership cycle makes I − A singular. */
export { companiesOnCycles, findClosedCycles } from './closed-cycles.js';
/** Method from a control percentage by the G/P/E/N thresholds. */
export { EQUITY_THRESHOLD, methodFromControl } from './consolidation-method.js';
/** Bundles → Adjustments → Elims on in-memory data. */
export {
  type ConsolidationRunResult,
  type ResultAttribution,
  runConsolidation,
} from './consolidation-run.js';
/** Control as the least fixed point over votes of the parent and controlled companies. */
export { CONTROL_TOLERANCE, type ControlResult, computeControl, isMajority } from './control.js';
/** Elims (c): intra-group dividends. */
export { eliminateDividends } from './dividend-eliminations.js';
/** Elims (a)–(d) in order. */
export { type EliminationResult, runEliminations } from './eliminations.js';
/** Elims context shared by the elimination sub-steps. */
export { ctaAccountOf, type ElimsContext, integrationFactor, percentagesOf } from './elims-context.js';
/** Elims (d): participations and equity. */
export {
  type EquityFigures,
  eliminateEquity,
  equityFigures,
  type HolderStake,
  stakesIn,
} from './equity-eliminations.js';
/** Typed engine errors, each with a stable `code`. */
export * from './errors/index.js';
/** Runs one reference case and returns the keys its `expected` holds for the step. */
export { CASE_STEPS, type CaseStep, evaluateCase } from './evaluate-case.js';
/** Flow-analysis translation with the TRANSLATION_DIFF plug. */
export {
  type FlowTranslationInput,
  type FlowTranslationResult,
  TRANSLATION_DIFF_FLOW,
  translateFlows,
} from './flow-translation.js';
/** Elims (b): intercompany eliminations. */
export { eliminateIntercompany, type IcEliminationResult } from './ic-eliminations.js';
/** Gaussian elimination with partial pivoting over doubles or exact fractions. */
export {
  type Field,
  invertMatrix,
  type MultiSolveResult,
  NUMBER_FIELD,
  PIVOT_TOLERANCE,
  RATIONAL_FIELD,
  type SolveResult,
  solveLinearSystem,
  solveMany,
} from './linear-solve.js';
/** LinkedCategories, closing_to_opening mode. */
export { closingToOpening, type LinkedCategoryInput } from './linked-categories.js';
/** Financial interest, control, method, minority and integration per company. */
export { calculateIndirectPercentages } from './ownership.js';
/** Ownership input and output types. */
export type {
  CompanyOwnership,
  ConsolidationMethod,
  DirectHolding,
  ExactPercentages,
  HoldingInput,
  OwnershipInput,
  OwnershipOverride,
  OwnershipResult,
  ShareClass,
  ShareholdingInput,
} from './ownership-types.js';
/** Parses a Bundles.translation_of_flows case input. */
export { parseFlowsInput } from './parse-flows-case.js';
/** Parses a LinkedCategories case input. */
export { parseLinkedInput } from './parse-linked-case.js';
/** Parses a CalculateIndirectPercentages case input. */
export { parseOwnershipInput } from './parse-ownership-case.js';
/** Parses a ConsolidationRun case input, its chart and its data lines. */
export { parseChart, parseLines, parseRunInput } from './parse-run-case.js';
/** Exact big-integer fractions. */
export { Rational } from './rational.js';
/** Consolidation run input and output types. */
export type {
  AdjustmentJournal,
  CompanyPercentages,
  ConsolidatedLine,
  ConsolidationRunInput,
  CurrencyRates,
  DataLine,
  HistoricalTranslation,
  IcEliminationEntry,
  IcRule,
  InvestmentInput,
  LineInput,
  LineOrigin,
  RunCompany,
} from './run-types.js';
/** Direct percentages from share registers (treasury shares excluded, votes vs dividend rights). */
export { directFromShareRegisters } from './share-registers.js';
/** Bundle line translation with the CTA plug. */
export { type TranslationContext, type TranslationResult, translateLines } from './translation.js';

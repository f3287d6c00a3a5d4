import type { Generated } from 'kysely';
import type { Flag, IcSide, ValidationOperator } from './column-kinds.js';

/** `ic_rules`: an intercompany matching rule; side-A accounts are matched against side-B accounts. */
export interface IcRulesTable {
  id: Generated<number>;
  customer_id: number;
  code: string;
  name: string;
  /** Where an unmatched difference is booked on elimination. */
  difference_account_id: number;
  /** Differences up to this amount (group currency) count as matched. */
  tolerance: number;
}

/** `ic_rule_accounts`: an account on one side of an intercompany rule. */
export interface IcRuleAccountsTable {
  id: Generated<number>;
  ic_rule_id: number;
  side: IcSide;
  account_id: number;
}

/** `formula_groups`: a named, ordered set of formulas run at one step, e.g. `before_consolidation`. */
export interface FormulaGroupsTable {
  id: Generated<number>;
  customer_id: number;
  /** Step name, unique per customer, e.g. `before_consolidation`. */
  name: string;
  /** Order among groups of the same step. */
  sequence: number;
}

/** `formulas`: computes a target account from an expression over other accounts. */
export interface FormulasTable {
  id: Generated<number>;
  formula_group_id: number;
  sequence: number;
  target_account_id: number;
  /** Expression text, parsed by the formula engine (not by the database). */
  expression: string;
  description: string | null;
}

/**
 * `validation_rules`: a customer's own check on every company's bundle, comparing the sum of the
 * accounts a left selector picks with the sum a right selector picks (0 when it has none), e.g.
 * "result in equity = result in P&L". Selectors are JSON: `{ accounts?, roles?, types?, flows? }`.
 */
export interface ValidationRulesTable {
  id: Generated<number>;
  customer_id: number;
  /** Unique per customer. */
  code: string;
  name: string;
  /** JSON selector of the left side's accounts (and flows). */
  left_selector: string;
  /** JSON selector of the right side; null compares the left side with 0. */
  right_selector: string | null;
  /** `equal`: left = right; `opposite`: left = -right. */
  operator: ValidationOperator;
  /** Differences up to this amount pass. */
  tolerance: number;
  /** 1 when a failure should block a consolidation. */
  is_blocking: Generated<Flag>;
  /** 0 leaves the rule out of every run. */
  enabled: Generated<Flag>;
}

import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';

/** Kinds of validation checks. */
export const CHECK_KINDS = ['balance', 'intercompany', 'relation'] as const;
/** A kind of validation check. */
export type CheckKind = (typeof CHECK_KINDS)[number];

/** One failed check: a company (and partner) whose amounts do not match what the rule expects. */
export interface ValidationFailure {
  /** Rule code: `BALANCE`, an intercompany rule's code or a validation rule's code. */
  rule: string;
  kind: CheckKind;
  company: string;
  /** Intercompany partner; null for other checks. */
  partner: string | null;
  expected: number;
  actual: number;
  /** `actual - expected`. */
  difference: number;
  /** Whether the failure should block a consolidation. */
  blocking: boolean;
  /** Translation key of a remark (e.g. a missing exchange rate); null when none. */
  note: string | null;
}

/** What one rule gave. */
export interface RuleOutcome {
  rule: string;
  name: string;
  kind: CheckKind;
  /** Companies (or company pairs) checked. */
  checks: number;
  failures: number;
  blocking: boolean;
}

/** A company of the customer, as checks report it. */
export interface CheckCompany {
  code: string;
  currency: string;
}

/**
 * The data a check runs on: the bundles of one period and category of one customer (periods and
 * categories belong to a customer, so those two ids confine every query to its bundles).
 */
export interface CheckScope {
  readonly db: Kysely<ConsoDatabase>;
  readonly customerId: number;
  readonly referenceCurrency: string;
  readonly periodId: number;
  readonly categoryId: number;
  /** Only these companies (ids); every company of the customer when undefined. */
  readonly companyIds: readonly number[] | undefined;
  /** The customer's companies by id. */
  readonly companies: ReadonlyMap<number, CheckCompany>;
}

/** The code of a company of the scope (its id when it is not the customer's, which cannot happen). */
export const companyCode = (scope: CheckScope, id: number): string =>
  scope.companies.get(id)?.code ?? String(id);

/** Rows sorted by their `company` code. */
export const byCompany = <T extends { company: string }>(rows: T[]): T[] =>
  rows.sort((a, b) => (a.company < b.company ? -1 : a.company > b.company ? 1 : 0));

/** The failures and outcomes of one kind of check. */
export interface CheckResult {
  outcomes: RuleOutcome[];
  failures: ValidationFailure[];
  /**
   * Companies with bundle rows in the scope, when the check grouped all of them (balance and
   * relation checks do): the report's count then needs no pass of its own over the bundles.
   */
  companies?: number;
}

/** An amount in integer cents back to currency units. */
export const fromCents = (cents: number): number => Math.round(cents) / 100;

/** A tolerance in currency units as integer cents. */
export const toleranceCents = (tolerance: number): number => Math.round(Number(tolerance) * 100);

import { z } from 'zod';
import { ACCOUNT_ROLE_VALUES, ACCOUNT_TYPE_VALUES } from '../schema/column-kinds.js';

/**
 * Which bundle rows one side of a validation rule sums: accounts picked by code, role or type
 * (any of them), optionally only on some flows. Summary accounts are never picked.
 */
export const ruleSelectorSchema = z
  .object({
    /** Account codes. */
    accounts: z.array(z.string().min(1)).optional(),
    /** Account roles, e.g. `retained_earnings`. */
    roles: z.array(z.enum(ACCOUNT_ROLE_VALUES)).optional(),
    /** Account types: `BS`, `EQ`, `PL`. */
    types: z.array(z.enum(ACCOUNT_TYPE_VALUES)).optional(),
    /** Flow codes; every row of the picked accounts when absent (P&L rows have no flow). */
    flows: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .refine((s) => (s.accounts?.length ?? 0) + (s.roles?.length ?? 0) + (s.types?.length ?? 0) > 0, {
    message: 'pick accounts by code, role or type',
  });

/** A side of a validation rule. */
export type RuleSelector = z.output<typeof ruleSelectorSchema>;

/** An account as selectors see it. */
export interface SelectableAccount {
  id: number;
  code: string;
  type: string;
  role: string | null;
  is_summary: number;
}

/** A selector resolved to ids: the accounts it picks and the flows it keeps (undefined: all). */
export interface ResolvedSelector {
  accountIds: number[];
  flowIds: number[] | undefined;
}

/**
 * Resolves a selector against the customer's chart and flows; returns the problem (an unknown
 * account or flow code) instead when there is one.
 */
export function resolveSelector(
  selector: RuleSelector,
  accounts: readonly SelectableAccount[],
  flows: ReadonlyMap<string, number>,
): ResolvedSelector | string {
  const byCode = new Map(accounts.map((account) => [account.code, account]));
  const unknownAccount = selector.accounts?.find((code) => !byCode.has(code));
  if (unknownAccount !== undefined) return `unknown account "${unknownAccount}"`;
  const unknownFlow = selector.flows?.find((code) => !flows.has(code));
  if (unknownFlow !== undefined) return `unknown flow "${unknownFlow}"`;
  const codes = new Set(selector.accounts ?? []);
  const roles = new Set<string>(selector.roles ?? []);
  const types = new Set<string>(selector.types ?? []);
  const accountIds = accounts
    .filter((a) => a.is_summary === 0)
    .filter((a) => codes.has(a.code) || (a.role !== null && roles.has(a.role)) || types.has(a.type))
    .map((a) => a.id);
  const flowIds = selector.flows?.map((code) => flows.get(code) as number);
  return { accountIds, flowIds };
}

import { type ConsoDatabase, ruleSelectorSchema, VALIDATION_OPERATOR_VALUES } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { z } from 'zod';

/** A validation rule as an application defines it for a customer. */
export const validationRuleSchema = z
  .object({
    /** Unique per customer, e.g. `RESULT`. */
    code: z.string().min(1).max(50),
    name: z.string().min(1).max(200),
    /** The side that is checked. */
    left: ruleSelectorSchema,
    /** What it is compared with; 0 when absent. */
    right: ruleSelectorSchema.optional(),
    /** `equal`: left = right; `opposite`: left = -right. */
    operator: z.enum(VALIDATION_OPERATOR_VALUES).default('equal'),
    /** Differences up to this amount pass. */
    tolerance: z.number().min(0).default(0),
    /** Whether a failure should block a consolidation. */
    blocking: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();

/** Input of {@link saveValidationRule}. */
export type ValidationRuleInput = z.input<typeof validationRuleSchema>;

/**
 * Stores (or replaces, by code) a validation rule of a customer, after checking it: a bad rule
 * throws zod's error naming the field, and nothing is written.
 */
export async function saveValidationRule(
  db: Kysely<ConsoDatabase>,
  customerId: number,
  input: ValidationRuleInput,
): Promise<void> {
  const rule = validationRuleSchema.parse(input);
  const row = {
    customer_id: customerId,
    code: rule.code,
    name: rule.name,
    left_selector: JSON.stringify(rule.left),
    right_selector: rule.right === undefined ? null : JSON.stringify(rule.right),
    operator: rule.operator,
    tolerance: rule.tolerance,
    is_blocking: rule.blocking ? (1 as const) : (0 as const),
    enabled: rule.enabled ? (1 as const) : (0 as const),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('validation_rules')
      .where('customer_id', '=', customerId)
      .where('code', '=', rule.code)
      .execute();
    await trx.insertInto('validation_rules').values(row).execute();
  });
}

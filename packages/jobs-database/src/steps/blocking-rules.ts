import { type ConsoDatabase, evaluateValidationRules } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import { BlockingRulesFailedError } from '../errors/blocking-rules-failed-error.js';

/**
 * Evaluates the customer's enabled blocking validation rules on the conso's bundles (its period and
 * category; only `companyIds` when given) with conso-db's `evaluateValidationRules`, the same
 * queries as the validation report, and throws `BlockingRulesFailedError` listing every failing
 * company and rule. Reads only; a broken rule throws `ValidationRuleError`.
 */
export async function assertBlockingRulesPass(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  companyIds: readonly number[] | undefined,
): Promise<void> {
  const { failures } = await evaluateValidationRules(
    db,
    {
      customerId: conso.customer_id,
      periodId: conso.period_id,
      categoryId: conso.category_id,
      companyIds,
    },
    { blockingOnly: true },
  );
  if (failures.length > 0) throw new BlockingRulesFailedError(conso.code, failures);
}

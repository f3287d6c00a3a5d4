import type { CheckScope } from './validation-types.js';

/**
 * The bundles a check reads: joined to their company (alias `c`) inside the customer, for the
 * scope's period and category and, when it names some, its companies only.
 */
export function scopedBundles(scope: CheckScope) {
  let query = scope.db
    .selectFrom('bundles as b')
    .innerJoin('companies as c', 'c.id', 'b.company_id')
    .where('c.customer_id', '=', scope.customerId)
    .where('b.period_id', '=', scope.periodId)
    .where('b.category_id', '=', scope.categoryId);
  if (scope.companyIds !== undefined) query = query.where('b.company_id', 'in', [...scope.companyIds]);
  return query;
}

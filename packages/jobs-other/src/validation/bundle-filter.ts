import type { CheckScope } from './validation-types.js';

/**
 * The bundles a check reads (alias `b`): the scope's period and category, which are the
 * customer's own, and, when it names some, its companies only. No join to `companies`: a plan
 * over freshly loaded bundles (no statistics yet) would loop over it once per row.
 */
export function scopedBundles(scope: CheckScope) {
  let query = scope.db
    .selectFrom('bundles as b')
    .where('b.period_id', '=', scope.periodId)
    .where('b.category_id', '=', scope.categoryId);
  if (scope.companyIds !== undefined) query = query.where('b.company_id', 'in', [...scope.companyIds]);
  return query;
}

import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { InsertSelect } from './insert-select.js';

/** A copy of a conso into another period or category of the same customer. */
export interface PeriodShift {
  readonly sourceConsoId: number;
  readonly parentCompanyId: number;
  readonly from: { readonly periodId: number; readonly categoryId: number };
  readonly to: { readonly periodId: number; readonly categoryId: number };
  /** The companies whose bundles move (a sub-group); the conso's perimeter when absent. */
  readonly companies?: readonly number[];
}

/** The companies whose bundles a conso consolidates: its ownership rows and its parent. */
const perimeter = (shift: PeriodShift) =>
  shift.companies === undefined
    ? sql`(select company_id from ownerships where conso_id = ${shift.sourceConsoId} union select ${shift.parentCompanyId})`
    : sql`(${sql.join(shift.companies)})`;

/**
 * Codes of the perimeter's companies that already report in the target period and category: the
 * copy would mix its bundles with theirs, so they are conflicts and the copy is refused.
 */
export async function bundleConflicts(db: Kysely<ConsoDatabase>, shift: PeriodShift): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`select distinct c.code from bundles b
    join companies c on c.id = b.company_id
    where b.period_id = ${shift.to.periodId} and b.category_id = ${shift.to.categoryId}
      and b.company_id in ${perimeter(shift)}
    order by c.code`.execute(db);
  return rows.map((row) => row.code);
}

/**
 * The reported data a conso needs in its new period or category: the perimeter's bundles, and
 * the source's exchange rates for currencies the target has no rate for (rates already entered
 * for the target are kept: they are the target's own).
 */
export function reportedDataPlan(shift: PeriodShift): InsertSelect[] {
  const moved = { period_id: sql`${shift.to.periodId}`, category_id: sql`${shift.to.categoryId}` };
  const source = sql`s.period_id = ${shift.from.periodId} and s.category_id = ${shift.from.categoryId}`;
  return [
    {
      table: 'bundles',
      columns: [
        'company_id',
        'period_id',
        'category_id',
        'account_id',
        'partner_company_id',
        'flow_id',
        'dimension',
        'amount',
      ],
      replace: moved,
      where: sql`${source} and s.company_id in ${perimeter(shift)}`,
    },
    {
      table: 'exchange_rates',
      columns: ['period_id', 'category_id', 'currency', 'closing_rate', 'average_rate'],
      replace: moved,
      where: sql`${source} and not exists (select 1 from exchange_rates t
        where t.period_id = ${shift.to.periodId} and t.category_id = ${shift.to.categoryId} and t.currency = s.currency)`,
    },
  ];
}

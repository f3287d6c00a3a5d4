import { sql } from 'kysely';
import type { InsertSelect } from './insert-select.js';

/** What a conso copy needs to know of its source and target. */
export interface ConsoCopyTarget {
  readonly sourceId: number;
  readonly targetId: number;
  /** The copy keeps the source's period and category, so its consolidated data is still valid. */
  readonly samePeriodAndCategory: boolean;
  /** Only these companies' rows (a sub-group); every row of the conso when absent. */
  readonly companies?: readonly number[];
}

/**
 * The copies of a conso's own rows, parents before children: ownership (holdings, share classes
 * then shareholdings, ownerships, investments), historical rates, adjustment journals then lines,
 * and the consolidated data when the period and category are unchanged. A child finds its
 * copied parent by the parent's natural key (share class: company and class code; journal: code),
 * which the schema keeps unique per conso, so ids are remapped in the same statement.
 */
export function consoCopyPlan(target: ConsoCopyTarget): InsertSelect[] {
  const { sourceId, targetId } = target;
  // With a sub-group, each company column of a row must name one of its companies.
  const within = (...columns: string[]) =>
    target.companies === undefined
      ? sql``
      : sql.join(
          columns.map((column) => sql` and ${sql.ref(column)} in (${sql.join(target.companies ?? [])})`),
          sql``,
        );
  const own = (table: string, columns: string[], companyColumns: string[] = []): InsertSelect => ({
    table,
    columns: ['conso_id', ...columns],
    replace: { conso_id: sql`${targetId}` },
    where: sql`s.conso_id = ${sourceId}${within(...companyColumns.map((c) => `s.${c}`))}`,
  });
  const plan: InsertSelect[] = [
    own(
      'holdings',
      ['holder_company_id', 'held_company_id', 'financial_pct', 'voting_pct'],
      ['holder_company_id', 'held_company_id'],
    ),
    own(
      'share_classes',
      [
        'company_id',
        'class_code',
        'issued_shares',
        'treasury_shares',
        'votes_per_share',
        'dividend_rights_per_share',
      ],
      ['company_id'],
    ),
    {
      table: 'shareholdings',
      columns: ['share_class_id', 'holder_company_id', 'shares'],
      replace: { share_class_id: sql`n.id` },
      joins: sql`join share_classes o on o.id = s.share_class_id
        join share_classes n on n.conso_id = ${targetId} and n.company_id = o.company_id and n.class_code = o.class_code`,
      where: sql`o.conso_id = ${sourceId}${within('o.company_id', 's.holder_company_id')}`,
    },
    own(
      'ownerships',
      [
        'company_id',
        'group_pct',
        'control_pct',
        'minority_pct',
        'integration_pct',
        'method',
        'pct_override',
        'method_override',
      ],
      ['company_id'],
    ),
    own(
      'investments',
      [
        'holder_company_id',
        'held_company_id',
        'account_id',
        'stake_pct',
        'acquisition_net_assets_gc',
        'acquisition_date',
      ],
      ['holder_company_id', 'held_company_id'],
    ),
    own('historical_rates', ['company_id', 'account_id', 'rate', 'amount_gc'], ['company_id']),
    own(
      'adjustment_journals',
      ['code', 'description', 'company_id', 'currency', 'is_balanced', 'created_by', 'created_at'],
      ['company_id'],
    ),
    {
      table: 'adjustment_lines',
      columns: ['journal_id', 'account_id', 'partner_company_id', 'flow_id', 'dimension', 'amount'],
      replace: { journal_id: sql`n.id` },
      joins: sql`join adjustment_journals o on o.id = s.journal_id
        join adjustment_journals n on n.conso_id = ${targetId} and n.code = o.code`,
      where: sql`o.conso_id = ${sourceId}${within('o.company_id')}`,
    },
  ];
  if (target.samePeriodAndCategory) {
    plan.push(
      own('consolidated_data', [
        'company_id',
        'account_id',
        'partner_company_id',
        'flow_id',
        'dimension',
        'origin',
        'step',
        'amount_gc',
      ]),
    );
  }
  return plan;
}

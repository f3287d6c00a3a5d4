import { type RawBuilder, sql } from 'kysely';

/** One table's share of a deletion, worked off in batches. */
export interface DeletionStep {
  /** The table. */
  readonly table: string;
  /** Rows of the table this step removes (or updates), as a condition on its own columns. */
  readonly where: RawBuilder<unknown>;
  /**
   * Column a batch is cut by: `id` takes `batchSize` rows; a non-unique column (consolidated data
   * has no id) takes all rows of one value, e.g. one company of the conso.
   */
  readonly key: 'id' | 'company_id';
  /** `delete`, or set this column to null so the rows outlive what they pointed at. */
  readonly action: 'delete' | { readonly setNull: string };
}

/** `(ids…)` of the consos a plan removes. */
type ConsoSet = RawBuilder<unknown>;

const del = (table: string, where: RawBuilder<unknown>, key: DeletionStep['key'] = 'id'): DeletionStep => ({
  table,
  where,
  key,
  action: 'delete',
});

/**
 * Children first, so no foreign key is ever violated: consolidated data, historical rates,
 * adjustment lines then journals, investments, ownerships, shareholdings then share classes,
 * holdings and category links. The consos rows themselves come last, in the caller's plan.
 */
function consoChildren(consos: ConsoSet): DeletionStep[] {
  const processes = sql`(select id from closing_processes where conso_id in ${consos})`;
  return [
    // The conso's closing process (ProcessManagementJob), children first.
    del('closing_steps', sql`process_id in ${processes}`),
    del('closing_company_status', sql`process_id in ${processes}`),
    del('closing_processes', sql`conso_id in ${consos}`),
    del('consolidated_data', sql`conso_id in ${consos}`, 'company_id'),
    del('historical_rates', sql`conso_id in ${consos}`),
    del(
      'adjustment_lines',
      sql`journal_id in (select id from adjustment_journals where conso_id in ${consos})`,
    ),
    del('adjustment_journals', sql`conso_id in ${consos}`),
    del('investments', sql`conso_id in ${consos}`),
    del('ownerships', sql`conso_id in ${consos}`),
    del('shareholdings', sql`share_class_id in (select id from share_classes where conso_id in ${consos})`),
    del('share_classes', sql`conso_id in ${consos}`),
    del('holdings', sql`conso_id in ${consos}`),
    del('category_links', sql`(source_conso_id in ${consos} or target_conso_id in ${consos})`),
  ];
}

/**
 * Everything that hangs off one conso. Bundles are not in it: they belong to a company, period and
 * category, which other consos share. The modification log is kept (its entries name the conso by
 * code in their params); only its reference to the conso row is cleared.
 */
export function consoDeletionPlan(consoId: number): DeletionStep[] {
  const consos = sql`(${consoId})`;
  return [
    ...consoChildren(consos),
    {
      table: 'modification_log',
      where: sql`conso_id = ${consoId}`,
      key: 'id',
      action: { setNull: 'conso_id' },
    },
    del('consos', sql`id = ${consoId}`),
  ];
}

/**
 * Everything of one customer, in foreign-key order: its consos and all they hold, then its
 * reported data, rates, rules, log, schedules, profiles, users, master data and the customer row.
 */
export function customerDeletionPlan(customerId: number): DeletionStep[] {
  const consos = sql`(select id from consos where customer_id = ${customerId})`;
  const owned = (table: string) =>
    sql`(select id from ${sql.table(table)} where customer_id = ${customerId})`;
  return [
    ...consoChildren(consos),
    del('modification_log', sql`customer_id = ${customerId}`),
    del('consos', sql`customer_id = ${customerId}`),
    del('bundles', sql`company_id in ${owned('companies')}`),
    del('exchange_rates', sql`period_id in ${owned('periods')}`),
    del('formulas', sql`formula_group_id in ${owned('formula_groups')}`),
    del('formula_groups', sql`customer_id = ${customerId}`),
    del('ic_rule_accounts', sql`ic_rule_id in ${owned('ic_rules')}`),
    del('ic_rules', sql`customer_id = ${customerId}`),
    del('job_schedules', sql`customer_id = ${customerId}`),
    del('file_mapping_profiles', sql`customer_id = ${customerId}`),
    del('custom_procedure_params', sql`procedure_id in ${owned('custom_procedures')}`),
    del('custom_procedures', sql`customer_id = ${customerId}`),
    del('users', sql`customer_id = ${customerId}`),
    // Accounts point at their parent account: the links go first, then any order will do.
    {
      table: 'accounts',
      where: sql`customer_id = ${customerId} and parent_id is not null`,
      key: 'id',
      action: { setNull: 'parent_id' },
    },
    del('accounts', sql`customer_id = ${customerId}`),
    del('flows', sql`customer_id = ${customerId}`),
    del('categories', sql`customer_id = ${customerId}`),
    del('periods', sql`customer_id = ${customerId}`),
    del('companies', sql`customer_id = ${customerId}`),
    del('customers', sql`id = ${customerId}`),
  ];
}

import { type Kysely, type Migration, sql } from 'kysely';
import { consoDialectOf } from '../dialects/conso-dialect.js';

/** Tables with a `customer_id`: a row is the tenant's when that column names it. */
const CUSTOMER_TABLES = [
  'users',
  'companies',
  'accounts',
  'flows',
  'categories',
  'periods',
  'consos',
  'category_links',
  'ic_rules',
  'formula_groups',
  'modification_log',
  'job_schedules',
  'file_mapping_profiles',
] as const;

/**
 * Tables owned through a parent: a row is the tenant's when its parent is visible, and the
 * parent's own policy already decides that, so each check is one hashed `in (select id …)`.
 */
const CHILD_TABLES: readonly (readonly [table: string, column: string, parent: string])[] = [
  ['holdings', 'conso_id', 'consos'],
  ['share_classes', 'conso_id', 'consos'],
  ['shareholdings', 'share_class_id', 'share_classes'],
  ['ownerships', 'conso_id', 'consos'],
  ['investments', 'conso_id', 'consos'],
  ['exchange_rates', 'period_id', 'periods'],
  ['historical_rates', 'conso_id', 'consos'],
  ['bundles', 'company_id', 'companies'],
  ['adjustment_journals', 'conso_id', 'consos'],
  ['adjustment_lines', 'journal_id', 'adjustment_journals'],
  ['ic_rule_accounts', 'ic_rule_id', 'ic_rules'],
  ['formulas', 'formula_group_id', 'formula_groups'],
  ['consolidated_data', 'conso_id', 'consos'],
];

/** Tables every customer shares: readable by all, changed only by system work (no tenant set). */
const SHARED = ['currencies', 'translations'] as const;

/** True while no tenant is set: system jobs, migrations, the host application's own work. */
// Wrapped in scalar subqueries, the setting and the tenant's id are computed once per statement
// (an InitPlan), not once per row.
export const NO_TENANT = sql.raw(`(select coalesce(current_setting('hangar.tenant', true), '') = '')`);

/**
 * PostgreSQL row-level security, keyed on the `hangar.tenant` setting (a customer code) that the
 * job packs set on every connection a job uses. Policies bind only roles that neither own the
 * tables nor are superusers: an operator turns the defence on by running the jobs as such a role
 * (see the conso-db README). Other dialects have no row-level security; nothing changes there.
 */
export const migration0008: Migration = {
  async up(db) {
    if (consoDialectOf(db) !== 'postgres') return;
    await sql`
      create or replace function hangar_tenant_id() returns integer language sql stable as $$
        select id from customers where code = nullif(current_setting('hangar.tenant', true), '')
      $$`.execute(db);
    await enableTenantPolicy(
      db,
      'customers',
      sql`${NO_TENANT} or code = (select current_setting('hangar.tenant', true))`,
    );
    for (const table of CUSTOMER_TABLES) {
      await enableTenantPolicy(db, table, sql`${NO_TENANT} or customer_id = (select hangar_tenant_id())`);
    }
    for (const [table, column, parent] of CHILD_TABLES) {
      await enableTenantPolicy(
        db,
        table,
        sql`${NO_TENANT} or ${sql.ref(column)} in (select id from ${sql.table(parent)})`,
      );
    }
    for (const table of SHARED) {
      await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
      await sql`create policy hangar_read on ${sql.table(table)} for select using (true)`.execute(db);
      for (const command of ['insert', 'update', 'delete'] as const) {
        const check = command === 'insert' ? sql`with check (${NO_TENANT})` : sql`using (${NO_TENANT})`;
        await sql`create policy ${sql.id(`hangar_system_${command}`)} on ${sql.table(table)} for ${sql.raw(command)} ${check}`.execute(
          db,
        );
      }
    }
  },
  async down(db) {
    if (consoDialectOf(db) !== 'postgres') return;
    const all = ['customers', ...CUSTOMER_TABLES, ...CHILD_TABLES.map(([table]) => table), ...SHARED];
    for (const table of all) {
      for (const policy of [
        'hangar_tenant',
        'hangar_read',
        'hangar_system_insert',
        'hangar_system_update',
        'hangar_system_delete',
      ]) {
        await sql`drop policy if exists ${sql.id(policy)} on ${sql.table(table)}`.execute(db);
      }
      await sql`alter table ${sql.table(table)} disable row level security`.execute(db);
    }
    await sql`drop function if exists hangar_tenant_id()`.execute(db);
  },
};

/** Turns row-level security on for a table: rows are visible and writable where `predicate` holds. */
export async function enableTenantPolicy(
  db: Kysely<unknown>,
  table: string,
  predicate: ReturnType<typeof sql>,
): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`create policy hangar_tenant on ${sql.table(table)} using (${predicate}) with check (${predicate})`.execute(
    db,
  );
}

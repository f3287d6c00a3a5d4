import { type Kysely, type Migration, sql } from 'kysely';
import { consoDialectOf } from '../dialects/conso-dialect.js';
import { VALIDATION_OPERATOR_VALUES } from '../schema/column-kinds.js';
import { columnTypesOf, inList } from './column-types.js';

// The same predicate as migration 0008 gives every table with a `customer_id`.
const TENANT_PREDICATE = sql.raw(
  `(select coalesce(current_setting('hangar.tenant', true), '') = '') or customer_id = (select hangar_tenant_id())`,
);

/** Validation rules defined per customer, under the row-level security of migration 0008. */
export const migration0010: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('validation_rules')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('left_selector', t.longText, (col) => col.notNull())
      .addColumn('right_selector', t.longText)
      .addColumn('operator', t.text(10), (col) => col.notNull())
      .addColumn('tolerance', t.amount, (col) => col.notNull().defaultTo(0))
      .addColumn('is_blocking', 'smallint', (col) => col.notNull().defaultTo(0))
      .addColumn('enabled', 'smallint', (col) => col.notNull().defaultTo(1))
      .addUniqueConstraint('validation_rules_customer_code_uq', ['customer_id', 'code'])
      .addCheckConstraint('validation_rules_operator_ck', inList('operator', VALIDATION_OPERATOR_VALUES))
      .execute();
    if (consoDialectOf(db) !== 'postgres') return;
    await sql`alter table validation_rules enable row level security`.execute(db);
    await sql`create policy hangar_tenant on validation_rules using (${TENANT_PREDICATE}) with check (${TENANT_PREDICATE})`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('validation_rules').execute();
  },
};

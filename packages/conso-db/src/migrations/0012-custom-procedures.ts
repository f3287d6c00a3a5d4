import { type Kysely, type Migration, sql } from 'kysely';
import { consoDialectOf } from '../dialects/conso-dialect.js';
import { enableTenantPolicy, NO_TENANT } from './0008-row-level-security.js';
import { columnTypesOf } from './column-types.js';

/**
 * Customer-defined procedures and their parameter definitions, for the CustomProcedure job: a
 * stored procedure's name (PostgreSQL, SQL Server) or a SQL script (SQLite), and per parameter its
 * name, type, whether it is required and its default. Row-level security as for every table.
 */
export const migration0012: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('custom_procedures')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('procedure_name', t.text(200))
      .addColumn('sql_script', t.longText)
      .addColumn('created_at', t.text(32), (col) => col.notNull())
      .addUniqueConstraint('custom_procedures_customer_code_uq', ['customer_id', 'code'])
      .execute();
    await db.schema
      .createTable('custom_procedure_params')
      .addColumn('id', 'integer', t.id)
      .addColumn('procedure_id', 'integer', (col) => col.notNull().references('custom_procedures.id'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('name', t.text(100), (col) => col.notNull())
      .addColumn('type', t.text(20), (col) =>
        col.notNull().check(sql`type in ('text', 'integer', 'number', 'boolean', 'date')`),
      )
      .addColumn('required', 'smallint', (col) => col.notNull().defaultTo(0))
      .addColumn('default_value', t.text(4000))
      .addUniqueConstraint('custom_procedure_params_procedure_name_uq', ['procedure_id', 'name'])
      .execute();
    if (consoDialectOf(db) === 'postgres') {
      await enableTenantPolicy(
        db,
        'custom_procedures',
        sql`${NO_TENANT} or customer_id = (select hangar_tenant_id())`,
      );
      await enableTenantPolicy(
        db,
        'custom_procedure_params',
        sql`${NO_TENANT} or procedure_id in (select id from custom_procedures)`,
      );
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('custom_procedure_params').execute();
    await db.schema.dropTable('custom_procedures').execute();
  },
};

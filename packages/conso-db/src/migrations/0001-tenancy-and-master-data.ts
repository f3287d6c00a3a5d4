import { type Kysely, type Migration, sql } from 'kysely';
import {
  ACCOUNT_ROLE_VALUES,
  ACCOUNT_TYPE_VALUES,
  FLOW_KIND_VALUES,
  RATE_TYPE_VALUES,
} from '../schema/column-kinds.js';
import { columnTypesOf, inList } from './column-types.js';

/** Currencies, customers, users and the per-customer master data: companies, accounts, flows, categories, periods. */
export const migration0001: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('currencies')
      .addColumn('code', t.text(3), (col) => col.primaryKey())
      .addColumn('name', t.text(100), (col) => col.notNull())
      .addColumn('decimals', 'integer', (col) => col.notNull().defaultTo(2))
      .execute();
    await db.schema
      .createTable('customers')
      .addColumn('id', 'integer', t.id)
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('reference_currency', t.text(3), (col) => col.notNull().references('currencies.code'))
      .addColumn('created_at', t.text(32), (col) => col.notNull())
      .addUniqueConstraint('customers_code_uq', ['code'])
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('login', t.text(100), (col) => col.notNull())
      .addColumn('display_name', t.text(200), (col) => col.notNull())
      .addColumn('email', t.text(320))
      .addColumn('language', t.text(10), (col) => col.notNull())
      .addColumn('is_admin', 'smallint', (col) => col.notNull().defaultTo(0))
      .addColumn('created_at', t.text(32), (col) => col.notNull())
      .addUniqueConstraint('users_customer_login_uq', ['customer_id', 'login'])
      .execute();
    await db.schema
      .createTable('companies')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('currency', t.text(3), (col) => col.notNull().references('currencies.code'))
      .addColumn('country', t.text(2))
      .addUniqueConstraint('companies_customer_code_uq', ['customer_id', 'code'])
      .execute();
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('type', t.text(2), (col) => col.notNull())
      .addColumn('rate_type', t.text(2), (col) => col.notNull())
      .addColumn('role', t.text(40))
      // No ON DELETE action anywhere: SQL Server rejects multiple cascade paths, so deletes are explicit.
      .addColumn('parent_id', 'integer', (col) => col.references('accounts.id'))
      .addColumn('is_summary', 'smallint', (col) => col.notNull().defaultTo(0))
      .addUniqueConstraint('accounts_customer_code_uq', ['customer_id', 'code'])
      .addCheckConstraint('accounts_type_ck', inList('type', ACCOUNT_TYPE_VALUES))
      .addCheckConstraint('accounts_rate_type_ck', inList('rate_type', RATE_TYPE_VALUES))
      .addCheckConstraint('accounts_role_ck', inList('role', ACCOUNT_ROLE_VALUES))
      .execute();
    await db.schema
      .createTable('flows')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('kind', t.text(20), (col) => col.notNull())
      .addUniqueConstraint('flows_customer_code_uq', ['customer_id', 'code'])
      .addCheckConstraint('flows_kind_ck', inList('kind', FLOW_KIND_VALUES))
      .execute();
    await db.schema
      .createTable('categories')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(20), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addUniqueConstraint('categories_customer_code_uq', ['customer_id', 'code'])
      .execute();
    await db.schema
      .createTable('periods')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('year', 'integer', (col) => col.notNull())
      .addColumn('month', 'integer', (col) => col.notNull())
      .addColumn('code', t.text(6), (col) => col.notNull())
      .addColumn('start_date', t.text(10), (col) => col.notNull())
      .addColumn('end_date', t.text(10), (col) => col.notNull())
      .addUniqueConstraint('periods_customer_year_month_uq', ['customer_id', 'year', 'month'])
      .addCheckConstraint('periods_month_ck', sql`${sql.ref('month')} between 1 and 12`)
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'periods',
      'categories',
      'flows',
      'accounts',
      'companies',
      'users',
      'customers',
      'currencies',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

import type { Kysely, Migration } from 'kysely';
import { columnTypesOf } from './column-types.js';

/** Closing/average exchange rates and historical rates. */
export const migration0003: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('exchange_rates')
      .addColumn('id', 'integer', t.id)
      .addColumn('period_id', 'integer', (col) => col.notNull().references('periods.id'))
      .addColumn('category_id', 'integer', (col) => col.notNull().references('categories.id'))
      .addColumn('currency', t.text(3), (col) => col.notNull().references('currencies.code'))
      .addColumn('closing_rate', t.rate, (col) => col.notNull())
      .addColumn('average_rate', t.rate, (col) => col.notNull())
      .addUniqueConstraint('exchange_rates_period_category_currency_uq', [
        'period_id',
        'category_id',
        'currency',
      ])
      .execute();
    await db.schema
      .createTable('historical_rates')
      .addColumn('id', 'integer', t.id)
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addColumn('rate', t.rate)
      .addColumn('amount_gc', t.amount)
      .addUniqueConstraint('historical_rates_conso_company_account_uq', [
        'conso_id',
        'company_id',
        'account_id',
      ])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('historical_rates').execute();
    await db.schema.dropTable('exchange_rates').execute();
  },
};

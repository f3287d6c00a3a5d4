import type { Kysely, Migration } from 'kysely';
import { JOURNAL_CURRENCY_VALUES } from '../schema/column-kinds.js';
import { columnTypesOf, inList } from './column-types.js';

/** Bundles (reported data) and adjustment journals. */
export const migration0004: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('bundles')
      .addColumn('id', 'integer', t.id)
      .addColumn('company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('period_id', 'integer', (col) => col.notNull().references('periods.id'))
      .addColumn('category_id', 'integer', (col) => col.notNull().references('categories.id'))
      .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addColumn('partner_company_id', 'integer', (col) => col.references('companies.id'))
      .addColumn('flow_id', 'integer', (col) => col.references('flows.id'))
      .addColumn('dimension', t.text(50))
      .addColumn('amount', t.amount, (col) => col.notNull())
      .execute();
    // Bundles are read and replaced per company, period and category (one company's bundle).
    await db.schema
      .createIndex('bundles_period_category_company_idx')
      .on('bundles')
      .columns(['period_id', 'category_id', 'company_id'])
      .execute();
    await db.schema
      .createTable('adjustment_journals')
      .addColumn('id', 'integer', t.id)
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('description', t.text(400), (col) => col.notNull())
      .addColumn('company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('currency', t.text(5), (col) => col.notNull())
      .addColumn('is_balanced', 'smallint', (col) => col.notNull().defaultTo(0))
      .addColumn('created_by', t.text(100))
      .addColumn('created_at', t.text(32), (col) => col.notNull())
      .addUniqueConstraint('adjustment_journals_conso_code_uq', ['conso_id', 'code'])
      .addCheckConstraint('adjustment_journals_currency_ck', inList('currency', JOURNAL_CURRENCY_VALUES))
      .execute();
    await db.schema
      .createTable('adjustment_lines')
      .addColumn('id', 'integer', t.id)
      .addColumn('journal_id', 'integer', (col) => col.notNull().references('adjustment_journals.id'))
      .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addColumn('partner_company_id', 'integer', (col) => col.references('companies.id'))
      .addColumn('flow_id', 'integer', (col) => col.references('flows.id'))
      .addColumn('dimension', t.text(50))
      .addColumn('amount', t.amount, (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('adjustment_lines_journal_idx')
      .on('adjustment_lines')
      .column('journal_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('adjustment_lines').execute();
    await db.schema.dropTable('adjustment_journals').execute();
    await db.schema.dropTable('bundles').execute();
  },
};

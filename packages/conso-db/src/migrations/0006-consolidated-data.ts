import type { Kysely, Migration } from 'kysely';
import { DATA_ORIGIN_VALUES } from '../schema/column-kinds.js';
import { columnTypesOf, inList } from './column-types.js';

/** The consolidation output table. */
export const migration0006: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('consolidated_data')
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addColumn('partner_company_id', 'integer', (col) => col.references('companies.id'))
      .addColumn('flow_id', 'integer', (col) => col.references('flows.id'))
      .addColumn('dimension', t.text(50))
      .addColumn('origin', t.text(30), (col) => col.notNull())
      .addColumn('step', t.text(50), (col) => col.notNull())
      .addColumn('amount_gc', t.amount, (col) => col.notNull())
      .addCheckConstraint('consolidated_data_origin_ck', inList('origin', DATA_ORIGIN_VALUES))
      .execute();
    // A run deletes and rewrites one conso, and reports read it by company and account.
    await db.schema
      .createIndex('consolidated_data_conso_company_account_idx')
      .on('consolidated_data')
      .columns(['conso_id', 'company_id', 'account_id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('consolidated_data').execute();
  },
};

import type { Kysely, Migration } from 'kysely';
import { CATEGORY_LINK_MODE_VALUES, CONSOLIDATION_METHOD_VALUES } from '../schema/column-kinds.js';
import { columnTypesOf, inList } from './column-types.js';

/** Consos, category links, holdings, share registers, ownerships and investments. */
export const migration0002: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('consos')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('period_id', 'integer', (col) => col.notNull().references('periods.id'))
      .addColumn('category_id', 'integer', (col) => col.notNull().references('categories.id'))
      .addColumn('group_currency', t.text(3), (col) => col.notNull().references('currencies.code'))
      .addColumn('parent_company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('locked', 'smallint', (col) => col.notNull().defaultTo(0))
      .addColumn('locked_by', t.text(100))
      .addColumn('locked_at', t.text(32))
      .addColumn('no_proportional', 'smallint', (col) => col.notNull().defaultTo(0))
      .addColumn('options', t.longText)
      .addColumn('created_at', t.text(32), (col) => col.notNull())
      .addUniqueConstraint('consos_customer_code_uq', ['customer_id', 'code'])
      .execute();
    await db.schema
      .createTable('category_links')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('source_conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('target_conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('mode', t.text(30), (col) => col.notNull())
      .addColumn('data_types', t.text(200), (col) => col.notNull())
      .addCheckConstraint('category_links_mode_ck', inList('mode', CATEGORY_LINK_MODE_VALUES))
      .execute();
    await db.schema
      .createTable('holdings')
      .addColumn('id', 'integer', t.id)
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('holder_company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('held_company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('financial_pct', t.pct, (col) => col.notNull())
      .addColumn('voting_pct', t.pct, (col) => col.notNull())
      .addUniqueConstraint('holdings_conso_holder_held_uq', [
        'conso_id',
        'holder_company_id',
        'held_company_id',
      ])
      .execute();
    await db.schema
      .createTable('share_classes')
      .addColumn('id', 'integer', t.id)
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('class_code', t.text(20), (col) => col.notNull())
      .addColumn('issued_shares', t.amount, (col) => col.notNull())
      .addColumn('treasury_shares', t.amount, (col) => col.notNull().defaultTo(0))
      .addColumn('votes_per_share', t.amount, (col) => col.notNull())
      .addColumn('dividend_rights_per_share', t.amount, (col) => col.notNull())
      .addUniqueConstraint('share_classes_conso_company_class_uq', ['conso_id', 'company_id', 'class_code'])
      .execute();
    await db.schema
      .createTable('shareholdings')
      .addColumn('id', 'integer', t.id)
      .addColumn('share_class_id', 'integer', (col) => col.notNull().references('share_classes.id'))
      .addColumn('holder_company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('shares', t.amount, (col) => col.notNull())
      .addUniqueConstraint('shareholdings_class_holder_uq', ['share_class_id', 'holder_company_id'])
      .execute();
    await db.schema
      .createTable('ownerships')
      .addColumn('id', 'integer', t.id)
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('group_pct', t.pct, (col) => col.notNull())
      .addColumn('control_pct', t.pct, (col) => col.notNull())
      .addColumn('minority_pct', t.pct, (col) => col.notNull())
      .addColumn('integration_pct', t.pct, (col) => col.notNull())
      .addColumn('method', t.text(1), (col) => col.notNull())
      .addColumn('pct_override', 'smallint', (col) => col.notNull().defaultTo(0))
      .addColumn('method_override', 'smallint', (col) => col.notNull().defaultTo(0))
      .addUniqueConstraint('ownerships_conso_company_uq', ['conso_id', 'company_id'])
      .addCheckConstraint('ownerships_method_ck', inList('method', CONSOLIDATION_METHOD_VALUES))
      .execute();
    await db.schema
      .createTable('investments')
      .addColumn('id', 'integer', t.id)
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('holder_company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('held_company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addColumn('stake_pct', t.pct, (col) => col.notNull())
      .addColumn('acquisition_net_assets_gc', t.amount, (col) => col.notNull())
      .addColumn('acquisition_date', t.text(10))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'investments',
      'ownerships',
      'shareholdings',
      'share_classes',
      'holdings',
      'category_links',
      'consos',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

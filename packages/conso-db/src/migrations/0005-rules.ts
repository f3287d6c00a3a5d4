import type { Kysely, Migration } from 'kysely';
import { IC_SIDE_VALUES } from '../schema/column-kinds.js';
import { columnTypesOf, inList } from './column-types.js';

/** Intercompany matching rules and advanced formulas. */
export const migration0005: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('ic_rules')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('difference_account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addColumn('tolerance', t.amount, (col) => col.notNull().defaultTo(0))
      .addUniqueConstraint('ic_rules_customer_code_uq', ['customer_id', 'code'])
      .execute();
    await db.schema
      .createTable('ic_rule_accounts')
      .addColumn('id', 'integer', t.id)
      .addColumn('ic_rule_id', 'integer', (col) => col.notNull().references('ic_rules.id'))
      .addColumn('side', t.text(1), (col) => col.notNull())
      .addColumn('account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addUniqueConstraint('ic_rule_accounts_rule_account_uq', ['ic_rule_id', 'account_id'])
      .addCheckConstraint('ic_rule_accounts_side_ck', inList('side', IC_SIDE_VALUES))
      .execute();
    await db.schema
      .createTable('formula_groups')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('name', t.text(100), (col) => col.notNull())
      .addColumn('sequence', 'integer', (col) => col.notNull().defaultTo(0))
      .addUniqueConstraint('formula_groups_customer_name_uq', ['customer_id', 'name'])
      .execute();
    await db.schema
      .createTable('formulas')
      .addColumn('id', 'integer', t.id)
      .addColumn('formula_group_id', 'integer', (col) => col.notNull().references('formula_groups.id'))
      .addColumn('sequence', 'integer', (col) => col.notNull().defaultTo(0))
      .addColumn('target_account_id', 'integer', (col) => col.notNull().references('accounts.id'))
      .addColumn('expression', t.longText, (col) => col.notNull())
      .addColumn('description', t.text(400))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['formulas', 'formula_groups', 'ic_rule_accounts', 'ic_rules']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

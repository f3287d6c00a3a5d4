import type { Kysely, Migration } from 'kysely';
import { columnTypesOf } from './column-types.js';

/** Translations, modification log, job schedules and file mapping profiles. */
export const migration0007: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('translations')
      .addColumn('id', 'integer', t.id)
      .addColumn('key', t.text(200), (col) => col.notNull())
      .addColumn('language', t.text(10), (col) => col.notNull())
      .addColumn('text', t.longText, (col) => col.notNull())
      .addUniqueConstraint('translations_key_language_uq', ['key', 'language'])
      .execute();
    await db.schema
      .createTable('modification_log')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('log_group', t.text(100), (col) => col.notNull())
      .addColumn('message_key', t.text(200), (col) => col.notNull())
      .addColumn('params', t.longText, (col) => col.notNull())
      .addColumn('conso_id', 'integer', (col) => col.references('consos.id'))
      .addColumn('user_id', 'integer', (col) => col.references('users.id'))
      .addColumn('screen', t.text(100))
      .addColumn('logged_at', t.text(32), (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('modification_log_customer_logged_at_idx')
      .on('modification_log')
      .columns(['customer_id', 'logged_at'])
      .execute();
    await db.schema
      .createTable('job_schedules')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('job_type', t.text(100), (col) => col.notNull())
      .addColumn('cron', t.text(100), (col) => col.notNull())
      .addColumn('timezone', t.text(64), (col) => col.notNull())
      .addColumn('params', t.longText, (col) => col.notNull())
      .addColumn('enabled', 'smallint', (col) => col.notNull().defaultTo(1))
      .addColumn('last_run_at', t.text(32))
      .addColumn('next_run_at', t.text(32))
      .addColumn('created_by', t.text(100))
      .addUniqueConstraint('job_schedules_customer_name_uq', ['customer_id', 'name'])
      .execute();
    await db.schema
      .createTable('file_mapping_profiles')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('code', t.text(50), (col) => col.notNull())
      .addColumn('name', t.text(200), (col) => col.notNull())
      .addColumn('target_table', t.text(100), (col) => col.notNull())
      .addColumn('file_format', t.text(20), (col) => col.notNull())
      .addColumn('options', t.longText, (col) => col.notNull())
      .addColumn('column_mappings', t.longText, (col) => col.notNull())
      .addColumn('created_at', t.text(32), (col) => col.notNull())
      .addUniqueConstraint('file_mapping_profiles_customer_code_uq', ['customer_id', 'code'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['file_mapping_profiles', 'job_schedules', 'modification_log', 'translations']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

import { type Kysely, type Migration, sql } from 'kysely';
import { consoDialectOf } from '../dialects/conso-dialect.js';
import { CLOSING_STAGE_VALUES } from '../schema/closing-process.js';
import { enableTenantPolicy, NO_TENANT } from './0008-row-level-security.js';
import { columnTypesOf, inList } from './column-types.js';

/**
 * The closing process of a period (ProcessManagementJob): one process per conso with a deadline
 * per stage, one status row per company (submitted, validated, consolidated with time and login),
 * and the steps started when a stage became due (one per stage, with the job id). Row-level
 * security as for every customer table; the children through their process.
 */
export const migration0013: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema
      .createTable('closing_processes')
      .addColumn('id', 'integer', t.id)
      .addColumn('customer_id', 'integer', (col) => col.notNull().references('customers.id'))
      .addColumn('conso_id', 'integer', (col) => col.notNull().references('consos.id'))
      .addColumn('submitted_deadline', t.text(10))
      .addColumn('validated_deadline', t.text(10))
      .addColumn('consolidated_deadline', t.text(10))
      .addColumn('created_at', t.text(32), (col) => col.notNull())
      .addUniqueConstraint('closing_processes_conso_uq', ['conso_id'])
      .execute();
    await db.schema
      .createTable('closing_company_status')
      .addColumn('id', 'integer', t.id)
      .addColumn('process_id', 'integer', (col) => col.notNull().references('closing_processes.id'))
      .addColumn('company_id', 'integer', (col) => col.notNull().references('companies.id'))
      .addColumn('data_signature', t.text(60))
      .addColumn('changed_at', t.text(32))
      .addColumn('submitted_at', t.text(32))
      .addColumn('submitted_by', t.text(100))
      .addColumn('validated_at', t.text(32))
      .addColumn('validated_by', t.text(100))
      .addColumn('consolidated_at', t.text(32))
      .addColumn('consolidated_by', t.text(100))
      .addColumn('submitted_reminded_on', t.text(10))
      .addColumn('validated_reminded_on', t.text(10))
      .addColumn('consolidated_reminded_on', t.text(10))
      .addUniqueConstraint('closing_company_status_uq', ['process_id', 'company_id'])
      .execute();
    await db.schema
      .createTable('closing_steps')
      .addColumn('id', 'integer', t.id)
      .addColumn('process_id', 'integer', (col) => col.notNull().references('closing_processes.id'))
      .addColumn('stage', t.text(20), (col) => col.notNull())
      .addColumn('job_type', t.text(100), (col) => col.notNull())
      .addColumn('job_id', t.text(64), (col) => col.notNull())
      .addColumn('started_at', t.text(32), (col) => col.notNull())
      .addColumn('started_by', t.text(100), (col) => col.notNull())
      .addUniqueConstraint('closing_steps_stage_uq', ['process_id', 'stage'])
      .addCheckConstraint('closing_steps_stage_ck', inList('stage', CLOSING_STAGE_VALUES))
      .execute();
    if (consoDialectOf(db) === 'postgres') {
      await enableTenantPolicy(
        db,
        'closing_processes',
        sql`${NO_TENANT} or customer_id = (select hangar_tenant_id())`,
      );
      for (const table of ['closing_company_status', 'closing_steps']) {
        await enableTenantPolicy(
          db,
          table,
          sql`${NO_TENANT} or process_id in (select id from closing_processes)`,
        );
      }
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('closing_steps').execute();
    await db.schema.dropTable('closing_company_status').execute();
    await db.schema.dropTable('closing_processes').execute();
  },
};

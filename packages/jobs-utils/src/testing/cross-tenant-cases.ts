import { type CrossTenantCases, customerParamNamesB } from '@hangar/conso-db/testing';
import { CLEANUP_JOB_TYPE } from '../jobs/cleanup-job.js';
import { CLOSE_PERIOD_JOB_TYPE } from '../jobs/close-period-job.js';
import { INDEX_REBUILD_JOB_TYPE } from '../jobs/index-rebuild-job.js';
import { RUN_COMMAND_LINE_JOB_TYPE } from '../jobs/run-command-line-job.js';
import { RUN_SQL_COMMAND_JOB_TYPE } from '../jobs/run-sql-command-job.js';
import { RUN_STORED_PROCEDURE_JOB_TYPE } from '../jobs/run-stored-procedure-job.js';

/**
 * Customer A's utility jobs, for the cross-tenant suite. The command-line and SQL jobs act on
 * the whole system: a customer's run is refused (`SYSTEM_JOB_REQUIRED`) before it starts anything,
 * whatever it names, unless the operator opened the job to that customer. The host must let
 * customer A (`ALPHA`) clean its own modification log (`cleanup.allowedCustomers`), so that the
 * cleanup's tenant scope is what refuses B, and register its queue under `queueAdapterToken`
 * (the period closing reads it).
 */
export const utilsCrossTenantCases: CrossTenantCases = {
  [CLEANUP_JOB_TYPE]: [
    { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code, modificationLogDays: 0 }) },
    {
      name: "B's customer id in the customer param",
      params: ({ b }) => ({ customer: b.customerId, modificationLogDays: 0 }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "a customer cleans every tenant's finished jobs",
      params: () => ({ kinds: ['jobs'], succeededJobDays: 0, failedJobDays: 0, cancelledJobDays: 0 }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
    {
      name: 'its own modification log, everything older than now',
      params: () => ({ kinds: ['modificationLog'], modificationLogDays: 0 }),
      expect: 'confined',
    },
  ],
  [INDEX_REBUILD_JOB_TYPE]: [
    {
      name: 'a customer rebuilds the indexes of the shared database',
      params: () => ({ connection: 'conso', tables: ['bundles'] }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
  ],
  // Last: closing A's period locks A's conso.
  [CLOSE_PERIOD_JOB_TYPE]: [
    { ...customerParamNamesB, params: ({ a, b }) => ({ customer: b.code, period: a.periodCode }) },
    {
      name: "a customer reopens a period (admins' action)",
      params: ({ a }) => ({ period: a.periodCode, action: 'reopen' }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
    {
      name: 'the period code both customers use closes A only',
      params: ({ a }) => ({ period: a.periodCode }),
      expect: 'confined',
    },
  ],
  [RUN_COMMAND_LINE_JOB_TYPE]: [
    {
      name: 'a customer runs a command',
      params: () => ({ command: 'node', args: ['-e', 'process.exit(0)'] }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
  ],
  [RUN_SQL_COMMAND_JOB_TYPE]: [
    {
      name: "a customer's script deletes B's bundles",
      params: ({ b }) => ({
        connection: 'conso',
        script: `delete from bundles where company_id in (select id from companies where customer_id = ${b.customerId})`,
      }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
  ],
  [RUN_STORED_PROCEDURE_JOB_TYPE]: [
    {
      name: "a customer calls a procedure with B's customer id",
      params: ({ b }) => ({
        connection: 'conso',
        procedure: 'purge_customer',
        parameters: [{ name: 'customer_id', type: 'int', value: b.customerId }],
      }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
  ],
};

import type { CrossTenantCases } from '@hangar/conso-db/testing';
import { RUN_COMMAND_LINE_JOB_TYPE } from '../jobs/run-command-line-job.js';
import { RUN_SQL_COMMAND_JOB_TYPE } from '../jobs/run-sql-command-job.js';
import { RUN_STORED_PROCEDURE_JOB_TYPE } from '../jobs/run-stored-procedure-job.js';

/**
 * Customer A's utility jobs, for the cross-tenant suite. The command-line and SQL jobs act on
 * the whole system: a customer's run is refused (`UTILS_SYSTEM_ONLY`) before it starts anything,
 * whatever it names, unless the operator opened the job to that customer.
 */
export const utilsCrossTenantCases: CrossTenantCases = {
  [RUN_COMMAND_LINE_JOB_TYPE]: [
    {
      name: 'a customer runs a command',
      params: () => ({ command: 'node', args: ['-e', 'process.exit(0)'] }),
      expect: { refused: 'UTILS_SYSTEM_ONLY' },
    },
  ],
  [RUN_SQL_COMMAND_JOB_TYPE]: [
    {
      name: "a customer's script deletes B's bundles",
      params: ({ b }) => ({
        connection: 'conso',
        script: `delete from bundles where company_id in (select id from companies where customer_id = ${b.customerId})`,
      }),
      expect: { refused: 'UTILS_SYSTEM_ONLY' },
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
      expect: { refused: 'UTILS_SYSTEM_ONLY' },
    },
  ],
};

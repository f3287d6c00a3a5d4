import { checkRetryRequest } from '@hangar/core/adapter';
import type { OperatorCalls } from '../operator-calls/operator-calls.js';
import { deletePostgresJob, type RowsQuery, retryDeleteSql, retryPostgresJob } from './retry-delete-sql.js';
import { PostgresRunners } from './runner-sql.js';
import type { SchemaNames } from './schema-names.js';

/** The operator calls of the PostgreSQL adapter, on its statement runner. */
export function postgresOperatorCalls(rows: RowsQuery, names: SchemaNames): OperatorCalls {
  const sql = retryDeleteSql(names);
  const runners = new PostgresRunners(rows, names);
  return {
    retryJob: async (jobId, request) => {
      checkRetryRequest(request);
      return retryPostgresJob(rows, sql, jobId, request);
    },
    deleteJob: (jobId, options) => deletePostgresJob(rows, sql, jobId, options?.customerId),
    advertiseRunner: (info, ttlMs) => runners.advertise(info, ttlMs),
    withdrawRunner: (id) => runners.withdraw(id),
    listRunners: () => runners.list(),
    queueDepths: () => runners.queueDepths(),
  };
}

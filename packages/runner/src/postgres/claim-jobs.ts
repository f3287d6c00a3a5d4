import type { ClaimRequest, JobRecord } from '@hangar/core';
import type pg from 'pg';
import { claimedJobColumns, claimedRowToJob } from './claimed-row.js';
import { compareClaimOrder } from './job-row.js';
import type { SchemaNames } from './schema-names.js';
import { sqlState } from './sql-client.js';

/** Unique violation: two claimers raced for one concurrency key (the index refused one). */
const UNIQUE_VIOLATION = '23505';
const CLAIM_ATTEMPTS = 3;

/**
 * Claims jobs for `request.worker` with the schema's `claim` function (a named prepared statement
 * on the queue's pool), in claim order. `beforeAttempt` runs before each try (the queue checks it is
 * open and migrated); a try the concurrency-key index refused is run again.
 */
export async function claimJobs(
  pool: pg.Pool,
  names: SchemaNames,
  request: ClaimRequest,
  beforeAttempt: () => Promise<void>,
): Promise<JobRecord[]> {
  const { worker } = request;
  const text = `SELECT ${claimedJobColumns('c')} FROM ${names.q}.claim($1, $2, $3, $4::text[], $5::text[], $6, $7, $8) c`;
  const values = [
    worker.id,
    worker.host,
    worker.pid,
    [...request.queues],
    [...request.types],
    request.limit,
    request.leaseMs,
    request.maxPerCustomer ?? null,
  ];
  for (let attempt = 1; ; attempt++) {
    try {
      await beforeAttempt();
      const result = await pool.query<unknown[]>({
        name: `${names.schema}.claim`,
        text,
        values,
        rowMode: 'array',
      });
      return result.rows.map((row) => claimedRowToJob(row, worker)).sort(compareClaimOrder);
    } catch (err) {
      // The unique index caught a concurrency-key race; a new snapshot sees the winner.
      if (sqlState(err) !== UNIQUE_VIOLATION || attempt >= CLAIM_ATTEMPTS) throw err;
    }
  }
}

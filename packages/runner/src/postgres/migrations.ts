import type pg from 'pg';
import { claimFunctionSql } from './claim-sql.js';
import { eventTriggerTableSql } from './event-trigger-sql.js';
import { listIndexesSql } from './list-index-sql.js';
import { otherParentsIndexSql, parentsSchemaSql } from './parents-sql.js';
import { runnerTableSql } from './runner-sql.js';
import type { SchemaNames } from './schema-names.js';
import { customerIndexesSql, tablesSql } from './schema-sql.js';
import { statementChildTriggerSql, triggersSql } from './trigger-sql.js';
import { leanTriggersSql } from './trigger-sql-v3.js';
import { selfNotifyingSchemaSql } from './trigger-sql-v4.js';

/** One step of the schema history. Never edit a released migration: add a new version. */
export interface Migration {
  /** Increasing version number. */
  version: number;
  /** Short description, stored with the version. */
  name: string;
  /** DDL of the step for a given schema. */
  sql(names: SchemaNames): string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'jobs, log, locks, schedules, claim function and notify triggers',
    sql: (n) => tablesSql(n) + triggersSql(n) + claimFunctionSql(n),
  },
  {
    version: 2,
    name: 'claim fast path without concurrency keys or customer limits; child release per statement; customer indexes without customer-less jobs',
    sql: (n) => claimFunctionSql(n, true) + statementChildTriggerSql(n) + customerIndexesSql(n),
  },
  {
    version: 3,
    name: 'lean statement triggers: child release only when a job is Awaiting, notifications without window sorts',
    sql: leanTriggersSql,
  },
  {
    version: 4,
    name: 'statements publish their own changes: no statement trigger on UPDATE; child release only for jobs with children',
    sql: (n) => selfNotifyingSchemaSql(n) + claimFunctionSql(n, true, true),
  },
  {
    version: 5,
    name: 'runner advertisements: which runners are alive and which queues they serve',
    sql: runnerTableSql,
  },
  {
    version: 6,
    name: 'several parents per job, each with a condition (success, failure, end): job_parent and a pending count',
    sql: parentsSchemaSql,
  },
  {
    version: 7,
    name: 'listing indexes: live and finished jobs per customer (finished by state, with type, queue and user), children by parent; statistics of customer, queue and state',
    sql: listIndexesSql,
  },
  {
    version: 8,
    name: 'event triggers: jobs enqueued when other jobs end',
    sql: eventTriggerTableSql,
  },
  {
    version: 9,
    name: 'claims commit without waiting for the WAL flush (a lost claim is a lease expiry)',
    sql: (n) => claimFunctionSql(n, true, true, true),
  },
  {
    version: 10,
    name: 'children beyond their first parent: a GIN index of parents, only for jobs with several',
    sql: otherParentsIndexSql,
  },
];

/** Latest schema version this code knows. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Creates or upgrades the schema. All pending steps run in one transaction under a
 * transaction-level advisory lock keyed by the schema, so runners starting together queue up
 * behind the first one and then find nothing left to do. Returns the versions applied.
 * `upTo` stops at that version: the upgrade tests build the schema an earlier release left.
 */
export async function runMigrations(
  pool: pg.Pool,
  names: SchemaNames,
  upTo = LATEST_SCHEMA_VERSION,
): Promise<number[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('hangar.migrate'), hashtext($1))`, [
        names.schema,
      ]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.q}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${names.migration} (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const applied = await client.query<{ version: number }>(`SELECT version FROM ${names.migration}`);
      const done = new Set(applied.rows.map((r) => r.version));
      const pending = MIGRATIONS.filter((m) => !done.has(m.version) && m.version <= upTo);
      for (const migration of pending) {
        await client.query(migration.sql(names));
        await client.query(`INSERT INTO ${names.migration} (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
      }
      await client.query('COMMIT');
      return pending.map((m) => m.version);
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw err;
    }
  } finally {
    // A connection whose rollback failed is in an unknown state: destroy it, do not reuse it.
    client.release(broken ?? false);
  }
}

import { createServiceToken, type ServiceResolver } from '@hangar/core';
import type { BackupSettings } from '../backup/backup-settings.js';
import type { SystemLogsSettings } from '../logs/system-logs-settings.js';
import type { ConsoStep } from './step-flags.js';

/** Options of the consolidation jobs, given to `createConsoJobsPlugin`. */
export interface ConsoJobsOptions {
  /**
   * Stored procedure mode: a procedure name (`name` or `schema.name`) per step. A step with a
   * procedure calls it instead of running the built-in implementation.
   */
  readonly storedProcedures?: Readonly<Partial<Record<ConsoStep, string>>>;
  /** How long a run waits for another run's `conso:<id>` lock. @defaultValue 60_000 */
  readonly lockWaitMs?: number;
  /** Lifetime of the conso lock, renewed while the job runs. @defaultValue 60_000 */
  readonly lockTtlMs?: number;
  /** Companies whose bundles are read and translated together. @defaultValue 50 */
  readonly companyBatchSize?: number;
  /**
   * Limit on each statement of a step, in ms, enforced by the server (the product's
   * `ScriptsCommandTimeoutSeconds`): PostgreSQL `statement_timeout` in the conso's transaction, a
   * request timeout on SQL Server; SQLite cannot interrupt a statement and ignores it. A statement
   * that runs longer fails its conso with `STEP_TIMEOUT`. The integration job's
   * `statementTimeoutMs` param overrides it for one run.
   * @defaultValue undefined (no limit beyond the server's own)
   */
  readonly statementTimeoutMs?: number;
  /**
   * Before consolidating a conso, evaluate the customer's enabled blocking validation rules
   * (`validation_rules.is_blocking`) on its bundles and refuse it with
   * `CONSO_BLOCKING_RULES_FAILED` when any fails. The integration job's `blockingRules` param
   * overrides it for one run. @defaultValue false
   */
  readonly blockOnFailedRules?: boolean;
  /** Backup directory and database URL of `conso.backup` and `conso.restore`; without them both fail. */
  readonly backup?: BackupSettings;
  /** Directory of the CSV files of `conso.system-logs`; without it the job fails. */
  readonly systemLogs?: SystemLogsSettings;
}

/** Options with every default applied. */
export type ResolvedConsoJobsOptions = Required<
  Omit<ConsoJobsOptions, 'storedProcedures' | 'statementTimeoutMs' | 'backup' | 'systemLogs'>
> &
  Pick<ConsoJobsOptions, 'storedProcedures' | 'statementTimeoutMs' | 'backup' | 'systemLogs'>;

/** The defaults of {@link ConsoJobsOptions}. */
export const CONSO_JOBS_DEFAULTS = {
  lockWaitMs: 60_000,
  lockTtlMs: 60_000,
  companyBatchSize: 50,
  blockOnFailedRules: false,
} as const;

/** Service token under which the plugin provides its options to its jobs. */
export const consoJobsOptionsToken = createServiceToken<ConsoJobsOptions>('hangar.conso-jobs.options');

/** The options registered for the jobs, with defaults; the defaults alone when none are registered. */
export function consoJobsOptionsOf(services: ServiceResolver): ResolvedConsoJobsOptions {
  const given = services.has(consoJobsOptionsToken) ? services.get(consoJobsOptionsToken) : {};
  return { ...CONSO_JOBS_DEFAULTS, ...definedOnly(given) };
}

function definedOnly(options: ConsoJobsOptions): ConsoJobsOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ConsoJobsOptions;
}

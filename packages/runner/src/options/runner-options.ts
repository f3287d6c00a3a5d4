import {
  type AnyJobDefinition,
  ConfigurationError,
  type HangarPlugin,
  type Logger,
  type QueueAdapter,
  type RetentionPolicy,
  type ServiceRegistration,
} from '@hangar/core';
import { stderrLogger } from '../logging/stderr-logger.js';
import {
  type ResolvedTracingOptions,
  resolveTracingOptions,
  type TracingOptions,
} from '../tracing/tracing-options.js';

/** Options of `createRunner`. */
export interface RunnerOptions {
  /** Where jobs are stored: `MemoryQueue`, `PostgresQueue` or `RedisQueue`. */
  queue: QueueAdapter;
  /** Plugins whose job types and services this runner registers. @defaultValue [] */
  plugins?: readonly HangarPlugin[];
  /** Extra job types registered directly, without a plugin. @defaultValue [] */
  jobs?: readonly AnyJobDefinition[];
  /** Job types this runner executes; others are left to other runners. @defaultValue every registered type */
  jobTypes?: readonly string[];
  /** Queues served and their concurrency. @defaultValue `{ default: concurrency }` */
  queues?: Readonly<Record<string, number>>;
  /** Concurrency of each queue named without its own. @defaultValue 4 */
  concurrency?: number;
  /**
   * Lease length; a job whose worker stops heartbeating is handed out again by the next recovery
   * pass after it, so at most `leaseMs` + `recoveryIntervalMs` after its worker died. @defaultValue 30_000
   */
  leaseMs?: number;
  /** How often running jobs' leases are extended. @defaultValue leaseMs / 3 */
  heartbeatMs?: number;
  /** Safety poll of an idle worker (change events wake it sooner). @defaultValue 1000 */
  pollIntervalMs?: number;
  /** How often expired leases of dead workers are recovered (adds up to this much to `leaseMs`). @defaultValue 5000 */
  recoveryIntervalMs?: number;
  /** How often due recurring schedules are checked, and event triggers swept. @defaultValue 1000 */
  schedulerIntervalMs?: number;
  /**
   * An event trigger's sweep looks only at jobs that ended at least this long ago (by the
   * backend's clock), so an end still being committed with an earlier time is not passed over;
   * ends seen by the runner that records them fire at once. @defaultValue 1000
   */
  triggerSettleMs?: number;
  /** On shutdown, how long running jobs may finish before they are aborted and handed back. @defaultValue 10_000 */
  shutdownGraceMs?: number;
  /** After abort, how long a job may take to stop before the runner stops waiting for it. @defaultValue 5000 */
  abortGraceMs?: number;
  /** At most this many running jobs per customer across all runners. @defaultValue no limit */
  maxPerCustomer?: number;
  /** Retention of finished jobs; `false` disables cleanup. @defaultValue 7 days succeeded/cancelled, 30 days failed */
  retention?: RetentionPolicy | false;
  /** How often retention cleanup runs. @defaultValue 60_000 */
  cleanupIntervalMs?: number;
  /** Extra services for jobs, besides the plugins' own. @defaultValue [] */
  services?: readonly ServiceRegistration[];
  /**
   * Structured logger (pino-compatible); pass `silentLogger` from `@hangar/core` for none.
   * @defaultValue JSON lines on stderr at `warn` and above: failed jobs and worker errors
   */
  logger?: Logger;
  /** Stop gracefully on SIGTERM and SIGINT. @defaultValue false */
  handleSignals?: boolean;
  /** Worker id recorded on each job it runs. @defaultValue `<host>:<pid>:<random>` */
  workerId?: string;
  /**
   * OpenTelemetry spans of enqueues and attempts (needs the optional peer `@opentelemetry/api` 1):
   * `true`, or `{ tracerProvider, tracerName }`. @defaultValue false
   */
  tracing?: boolean | TracingOptions;
}

/** The defaults of every optional runner option. */
export const RUNNER_DEFAULTS = {
  plugins: [],
  jobs: [],
  concurrency: 4,
  leaseMs: 30_000,
  pollIntervalMs: 1000,
  recoveryIntervalMs: 5000,
  schedulerIntervalMs: 1000,
  triggerSettleMs: 1000,
  shutdownGraceMs: 10_000,
  abortGraceMs: 5000,
  retention: {
    succeededMs: 7 * 86_400_000,
    cancelledMs: 7 * 86_400_000,
    failedMs: 30 * 86_400_000,
    batchSize: 1000,
  },
  cleanupIntervalMs: 60_000,
  services: [],
  logger: stderrLogger('warn'),
  handleSignals: false,
} as const satisfies Partial<RunnerOptions>;

/** Runner options with every default applied. */
export type ResolvedRunnerOptions = Required<
  Omit<RunnerOptions, 'jobTypes' | 'maxPerCustomer' | 'workerId' | 'queues' | 'tracing'>
> & {
  tracing: ResolvedTracingOptions | undefined;
  jobTypes: readonly string[] | undefined;
  maxPerCustomer: number | undefined;
  workerId: string | undefined;
  queues: Readonly<Record<string, number>>;
};

function positive(name: string, value: number, min = 1): void {
  if (!Number.isFinite(value) || value < min) {
    throw new ConfigurationError(name, `must be a number ≥ ${min}, got ${String(value)}`);
  }
}

/** Counts, and the lease every adapter stores in whole ms. */
function wholeNumber(name: string, value: number, min = 1): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ConfigurationError(name, `must be a whole number ≥ ${min}, got ${String(value)}`);
  }
}

/** Applies defaults and checks every option, naming the one to fix. */
export function resolveRunnerOptions(options: RunnerOptions): ResolvedRunnerOptions {
  if (!options || typeof options.queue?.claim !== 'function') {
    throw new ConfigurationError('queue', 'pass a queue adapter, e.g. `new MemoryQueue()`');
  }
  const concurrency = options.concurrency ?? RUNNER_DEFAULTS.concurrency;
  wholeNumber('concurrency', concurrency);
  const leaseMs = options.leaseMs ?? RUNNER_DEFAULTS.leaseMs;
  wholeNumber('leaseMs', leaseMs, 100);
  const heartbeatMs = options.heartbeatMs ?? Math.floor(leaseMs / 3);
  positive('heartbeatMs', heartbeatMs, 10);
  if (heartbeatMs >= leaseMs) {
    throw new ConfigurationError(
      'heartbeatMs',
      `must be shorter than leaseMs (${leaseMs}); a third of it is usual`,
    );
  }
  const queues = options.queues ?? { default: concurrency };
  if (Object.keys(queues).length === 0)
    throw new ConfigurationError('queues', 'name at least one queue to serve');
  for (const [name, n] of Object.entries(queues)) wholeNumber(`queues.${name}`, n);
  const resolved: ResolvedRunnerOptions = {
    ...RUNNER_DEFAULTS,
    ...stripUndefined(options),
    queue: options.queue,
    concurrency,
    leaseMs,
    heartbeatMs,
    queues,
    jobTypes: options.jobTypes,
    maxPerCustomer: options.maxPerCustomer,
    workerId: options.workerId,
    tracing: resolveTracingOptions(options.tracing),
  };
  for (const key of [
    'pollIntervalMs',
    'recoveryIntervalMs',
    'schedulerIntervalMs',
    'cleanupIntervalMs',
  ] as const) {
    positive(key, resolved[key], 10);
  }
  wholeNumber('triggerSettleMs', resolved.triggerSettleMs, 0);
  positive('shutdownGraceMs', resolved.shutdownGraceMs, 0);
  positive('abortGraceMs', resolved.abortGraceMs, 0);
  if (resolved.maxPerCustomer !== undefined) wholeNumber('maxPerCustomer', resolved.maxPerCustomer);
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

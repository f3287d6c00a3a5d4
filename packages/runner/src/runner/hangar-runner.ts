import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  ConfigurationError,
  type HangarEvents,
  type JobRecord,
  jobSubmitterToken,
  type Logger,
  safeEmit,
  type TriggerEndState,
  type WorkerIdentity,
} from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';
import { HangarClient } from '../client/hangar-client.js';
import { PluginContainer } from '../container/plugin-container.js';
import { logRunnerEvents } from '../logging/log-runner-events.js';
import {
  type ResolvedRunnerOptions,
  type RunnerOptions,
  resolveRunnerOptions,
} from '../options/runner-options.js';
import { JobRegistry } from '../registry/job-registry.js';
import { RecurringScheduler } from '../scheduler/recurring-scheduler.js';
import { RunnerJobSubmitter } from '../submitter/runner-job-submitter.js';
import { TriggerFiring } from '../triggers/trigger-firing.js';
import { WorkerPool } from '../worker/worker-pool.js';

/** Hosts a set of job types: claims and runs them, recovers dead workers' jobs, fires schedules. */
export class HangarRunner {
  /** Typed events of the runner and its client. */
  readonly events: EventEmitter<HangarEvents>;
  /** Registered job types and messages. */
  readonly registry: JobRegistry;
  /** Client on the same queue and registry. */
  readonly client: HangarClient;
  /** The typedi-backed service container of the plugins. */
  readonly services: PluginContainer;
  /** Identity recorded on every job this runner runs. */
  readonly worker: WorkerIdentity;
  /** Job types this runner executes. */
  readonly jobTypes: readonly string[];
  private readonly options: ResolvedRunnerOptions;
  private readonly logger: Logger;
  private readonly pool: WorkerPool;
  private readonly scheduler: RecurringScheduler;
  private readonly triggers: TriggerFiring;
  private timers: NodeJS.Timeout[] = [];
  private startedAt = new Date();
  private stopTracing: (() => void) | undefined;
  private unfollow: (() => void) | undefined;
  private state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  private stopping: Promise<void> | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.logger.info({ signal }, 'Stopping on signal');
    void this.stop();
  };

  constructor(options: RunnerOptions) {
    this.options = resolveRunnerOptions(options);
    this.logger = this.options.logger;
    this.registry = new JobRegistry(this.options.plugins, this.options.jobs);
    this.services = new PluginContainer(this.options.plugins, this.options.services);
    this.client = new HangarClient(this.options.queue, this.registry, this.logger, options.tracing);
    this.events = this.client.events;
    // Jobs enqueue others through it (workflows, processes); a `services` entry may replace it.
    if (!this.services.has(jobSubmitterToken)) {
      this.services.register({ token: jobSubmitterToken, value: new RunnerJobSubmitter(this.client) });
    }
    logRunnerEvents(this.events, this.logger);
    const all = this.registry.types();
    const chosen = this.options.jobTypes ?? all;
    for (const type of chosen) {
      if (!this.registry.has(type)) {
        throw new ConfigurationError(
          'jobTypes',
          `"${type}" is not a registered job type; registered: ${all.join(', ') || '(none)'}`,
        );
      }
    }
    this.jobTypes = [...chosen];
    this.worker = {
      id: this.options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      host: hostname(),
      pid: process.pid,
    };
    this.pool = new WorkerPool(
      this.options,
      this.registry,
      this.services,
      this.worker,
      this.jobTypes,
      this.events,
      this.logger,
    );
    this.scheduler = new RecurringScheduler(this.client, this.events, this.logger);
    // From now until it stops, jobs its client enqueues are validated once (jobs are often
    // enqueued before the runner starts).
    this.registry.validated.setReading(true);
    this.triggers = new TriggerFiring(this.client, this.events, this.logger, {
      owner: this.worker.id,
      settleMs: this.options.triggerSettleMs,
    });
  }

  /** Whether the runner is claiming jobs. */
  get isRunning(): boolean {
    return this.state === 'running';
  }

  /** Starts the workers, lease recovery, schedules and retention. */
  async start(): Promise<this> {
    if (this.state !== 'idle')
      throw new ConfigurationError('start', `the runner is ${this.state}; create a new one`);
    // Loaded first, so that a missing @opentelemetry/api fails the start before anything runs,
    // and followed before the pool starts, so that the first attempt already has its span.
    const tracing = await this.client.tracing();
    this.state = 'running';
    this.startedAt = new Date();
    this.stopTracing = tracing?.followAttempts(this.events);
    await this.pool.start();
    await this.advertise();
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const timer = setInterval(() => void fn(), ms);
      this.timers.push(timer);
    };
    // Refreshed as often as leases, and lapsing like one: a runner that dies stops counting
    // as serving its queues within leaseMs.
    every(this.options.heartbeatMs, () => this.advertise());
    every(this.options.recoveryIntervalMs, () => this.recover());
    every(this.options.schedulerIntervalMs, () => this.scheduler.tick());
    every(this.options.schedulerIntervalMs, () => this.triggers.sweep());
    this.followJobEnds();
    const retention = this.options.retention;
    if (retention) {
      every(this.options.cleanupIntervalMs, () =>
        this.options.queue.cleanup(retention).catch((error: unknown) => {
          safeEmit(this.events, this.logger, 'worker:error', { error, context: 'retention cleanup' });
        }),
      );
    }
    if (this.options.handleSignals) {
      process.once('SIGTERM', this.onSignal);
      process.once('SIGINT', this.onSignal);
    }
    void this.recover();
    void this.scheduler.tick();
    void this.triggers.sweep();
    this.logger.info(
      { worker: this.worker.id, jobTypes: this.jobTypes, queues: this.options.queues },
      'Runner started',
    );
    return this;
  }

  /** Fires event triggers on the ends this runner records, without waiting for the sweep. */
  private followJobEnds(): void {
    const fire = (job: JobRecord, state: TriggerEndState) => {
      if (this.triggers.watching) void this.triggers.onJobEnded(job, state);
    };
    const onSucceeded = ({ job }: { job: JobRecord }) => fire(job, 'Succeeded');
    const onFailed = ({ job }: { job: JobRecord }) => fire(job, 'Failed');
    const onCancelled = ({ job }: { job: JobRecord }) => fire(job, 'Cancelled');
    this.events.on('job:succeeded', onSucceeded);
    this.events.on('job:failed', onFailed);
    this.events.on('job:cancelled', onCancelled);
    this.unfollow = () => {
      this.events.off('job:succeeded', onSucceeded);
      this.events.off('job:failed', onFailed);
      this.events.off('job:cancelled', onCancelled);
    };
  }

  /** Sweeps the event triggers now (also runs periodically); returns the ids of the jobs enqueued. */
  fireTriggers(): Promise<string[]> {
    return this.triggers.sweep();
  }

  /** Tells every process sharing the queue that this runner is alive, and which queues it serves. */
  private async advertise(): Promise<void> {
    const { id, host, pid } = this.worker;
    const info = {
      id,
      host,
      pid,
      queues: this.options.queues,
      types: this.jobTypes,
      startedAt: this.startedAt,
    };
    try {
      await this.options.queue.advertiseRunner(info, this.options.leaseMs);
    } catch (error) {
      safeEmit(this.events, this.logger, 'worker:error', { error, context: 'runner advertisement' });
    }
  }

  /** Hands jobs of dead workers back to the queue now (also runs periodically). */
  async recover(): Promise<string[]> {
    try {
      const ids = await this.options.queue.recoverExpiredLeases();
      if (ids.length > 0) safeEmit(this.events, this.logger, 'job:recovered', { jobIds: ids });
      return ids;
    } catch (error) {
      safeEmit(this.events, this.logger, 'worker:error', { error, context: 'lease recovery' });
      return [];
    }
  }

  /** Fires due schedules now (also runs periodically); returns the ids of the jobs enqueued. */
  fireDueSchedules(): Promise<string[]> {
    return this.scheduler.tick();
  }

  /**
   * Graceful shutdown: stops claiming, lets running jobs finish for up to `graceMs`, then aborts
   * the rest and hands them back to the queue. Does not close the queue adapter (you own it).
   */
  stop(graceMs: number = this.options.shutdownGraceMs): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      const wasRunning = this.state === 'running';
      this.state = 'stopping';
      process.off('SIGTERM', this.onSignal);
      process.off('SIGINT', this.onSignal);
      safeEmit(this.events, this.logger, 'runner:stopping');
      for (const timer of this.timers) clearInterval(timer);
      this.timers = [];
      if (wasRunning) await this.pool.drain(graceMs);
      this.stopTracing?.();
      this.unfollow?.();
      if (wasRunning) {
        await this.options.queue.withdrawRunner(this.worker.id).catch((error: unknown) => {
          safeEmit(this.events, this.logger, 'worker:error', { error, context: 'runner advertisement' });
        });
      }
      await this.services.dispose();
      this.registry.validated.setReading(false);
      this.state = 'stopped';
      safeEmit(this.events, this.logger, 'runner:stopped');
      this.logger.info({ worker: this.worker.id }, 'Runner stopped');
    })();
    return this.stopping;
  }
}

/** Creates a runner (not yet started): `await createRunner(options).start()`. */
export function createRunner(options: RunnerOptions): HangarRunner {
  return new HangarRunner(options);
}

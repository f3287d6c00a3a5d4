import {
  type HangarEvents,
  type JobRecord,
  type Logger,
  type QueueAdapter,
  retryDelayMs,
  type ServiceResolver,
  safeEmit,
  type Unsubscribe,
  type WorkerIdentity,
} from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';
import type { ResolvedRunnerOptions } from '../options/runner-options.js';
import type { JobRegistry } from '../registry/job-registry.js';
import { type AttemptOutcome, JobExecution } from './job-execution.js';

interface QueueSlot {
  name: string;
  concurrency: number;
  running: number;
  fetching: boolean;
  again: boolean;
}

/**
 * Claims jobs for each served queue up to its concurrency, runs them, keeps their leases alive
 * and records how each attempt ended. Idle queues wake on change events, with a slow poll as a
 * safety net.
 */
export class WorkerPool {
  private readonly slots = new Map<string, QueueSlot>();
  private readonly active = new Map<string, JobExecution>();
  private readonly settled = new Set<Promise<void>>();
  private readonly subscriptions: Unsubscribe[] = [];
  private timers: NodeJS.Timeout[] = [];
  private accepting = false;

  constructor(
    private readonly options: ResolvedRunnerOptions,
    private readonly registry: JobRegistry,
    private readonly services: ServiceResolver,
    private readonly worker: WorkerIdentity,
    private readonly types: readonly string[],
    private readonly events: EventEmitter<HangarEvents>,
    private readonly logger: Logger,
  ) {
    for (const [name, concurrency] of Object.entries(options.queues)) {
      this.slots.set(name, { name, concurrency, running: 0, fetching: false, again: false });
    }
  }

  private get queue(): QueueAdapter {
    return this.options.queue;
  }

  /** Number of jobs running now. */
  get runningCount(): number {
    return this.active.size;
  }

  /** Starts claiming. */
  async start(): Promise<void> {
    this.accepting = true;
    this.subscriptions.push(
      await this.queue.onCancelRequest(this.worker.id, (jobId) => this.active.get(jobId)?.stop('cancel')),
      await this.queue.subscribe((change) => {
        if (change.kind !== 'enqueued' && !(change.kind === 'state' && change.state === 'Enqueued')) return;
        const slot = change.queue ? this.slots.get(change.queue) : undefined;
        if (slot) this.fill(slot);
        else if (!change.queue) for (const s of this.slots.values()) this.fill(s);
      }),
    );
    this.timers.push(
      setInterval(() => {
        for (const slot of this.slots.values()) this.fill(slot);
      }, this.options.pollIntervalMs),
      setInterval(() => void this.heartbeat(), this.options.heartbeatMs),
    );
    for (const slot of this.slots.values()) this.fill(slot);
  }

  /** Stops claiming; running jobs go on. */
  stopClaiming(): void {
    this.accepting = false;
  }

  /** Waits for running jobs up to `graceMs`, then stops the rest and hands them back. */
  async drain(graceMs: number): Promise<void> {
    this.accepting = false;
    const all = () => Promise.all([...this.settled]);
    const timedOut = await Promise.race([
      all().then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
    ]);
    if (timedOut) {
      for (const execution of this.active.values()) execution.stop('shutdown');
      await all();
    }
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const off of this.subscriptions.splice(0)) await off();
  }

  /** Claims as many jobs as the slot has room for; coalesces concurrent wake-ups. */
  private fill(slot: QueueSlot): void {
    if (!this.accepting) return;
    if (slot.fetching) {
      slot.again = true;
      return;
    }
    const room = slot.concurrency - slot.running;
    if (room <= 0) return;
    slot.fetching = true;
    slot.again = false;
    this.queue
      .claim({
        worker: this.worker,
        queues: [slot.name],
        types: this.types,
        limit: room,
        leaseMs: this.options.leaseMs,
        maxPerCustomer: this.options.maxPerCustomer,
      })
      .then((jobs) => {
        slot.fetching = false;
        for (const job of jobs) this.launch(slot, job);
        if (slot.again || (jobs.length === room && jobs.length > 0)) this.fill(slot);
      })
      .catch((error: unknown) => {
        slot.fetching = false;
        safeEmit(this.events, this.logger, 'worker:error', {
          error,
          context: `claim from queue ${slot.name}`,
        });
      });
  }

  private launch(slot: QueueSlot, job: JobRecord): void {
    slot.running += 1;
    const execution = new JobExecution(job, this.registry.get(job.type), {
      queue: this.queue,
      services: this.services,
      logger: this.logger,
      abortGraceMs: this.options.abortGraceMs,
      onLog: (jobId, entry) =>
        safeEmit(this.events, this.logger, 'job:progress', { jobId, entry: { ...entry, seq: 0 } }),
    });
    this.active.set(job.id, execution);
    safeEmit(this.events, this.logger, 'job:started', { job });
    const done = execution
      .run()
      .then((outcome) => this.record(job, outcome))
      .catch((error: unknown) => {
        safeEmit(this.events, this.logger, 'worker:error', {
          error,
          context: `recording the end of job ${job.id}`,
        });
      })
      .finally(() => {
        this.active.delete(job.id);
        this.settled.delete(done);
        slot.running -= 1;
        this.fill(slot);
      });
    this.settled.add(done);
  }

  private async record(job: JobRecord, outcome: AttemptOutcome): Promise<void> {
    const q = this.queue;
    const workerId = this.worker.id;
    switch (outcome.kind) {
      case 'succeeded':
        if (await q.complete(job.id, workerId, outcome.result)) {
          safeEmit(this.events, this.logger, 'job:succeeded', { job, result: outcome.result });
        }
        return;
      case 'cancelled':
        if (await q.markCancelled(job.id, workerId, outcome.result)) {
          safeEmit(this.events, this.logger, 'job:cancelled', { job });
        }
        return;
      case 'released':
        await q.release(job.id, workerId);
        return;
      case 'lease-lost':
        this.logger.warn({ jobId: job.id }, 'Lease lost; another worker has the job now');
        return;
      case 'failed': {
        const policy = this.registry.retryPolicy(job.type);
        const maxAttempts = Math.min(job.maxAttempts, Number.MAX_SAFE_INTEGER);
        if (outcome.retryable && job.attempts < maxAttempts) {
          const delayMs = retryDelayMs(policy, job.attempts);
          const retryAt = new Date(Date.now() + delayMs);
          if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo, retryAt })) {
            safeEmit(this.events, this.logger, 'job:retrying', {
              job,
              attempt: job.attempts,
              delayMs,
              errorInfo: outcome.errorInfo,
            });
          }
          return;
        }
        if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo })) {
          safeEmit(this.events, this.logger, 'job:failed', { job, errorInfo: outcome.errorInfo });
        }
        return;
      }
    }
  }

  private async heartbeat(): Promise<void> {
    const ids = [...this.active.keys()];
    if (ids.length === 0) return;
    try {
      const held = new Set(await this.queue.heartbeat(this.worker.id, ids, this.options.leaseMs));
      for (const id of ids) if (!held.has(id)) this.active.get(id)?.stop('lease-lost');
    } catch (error) {
      safeEmit(this.events, this.logger, 'worker:error', { error, context: 'heartbeat' });
    }
  }
}

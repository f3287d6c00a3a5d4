import {
  errorInfoFromError,
  type HangarEvents,
  isWakeUp,
  JobCancelledError,
  type JobRecord,
  type Logger,
  type QueueAdapter,
  type ServiceResolver,
  safeEmit,
  type Unsubscribe,
  type WorkerIdentity,
} from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';
import type { ResolvedRunnerOptions } from '../options/runner-options.js';
import type { JobRegistry } from '../registry/job-registry.js';
import { AttemptRecorder } from './attempt-recorder.js';
import { ThreadPool } from './isolation/thread-pool.js';
import { type AttemptOutcome, type ExecutionDeps, JobExecution } from './job-execution.js';

interface QueueSlot {
  name: string;
  concurrency: number;
  /** Jobs executing now (at most `concurrency`). */
  running: number;
  /** Jobs whose execution ended and whose outcome is being recorded. */
  recording: number;
  /** Jobs claimed ahead, leased to this worker, waiting for a free slot (claim order). */
  buffer: JobRecord[];
  /** Moving average of how long one execution takes, in ms; undefined before the first. */
  averageMs: number | undefined;
  /** Jobs launched so far: one in `TIMED_EVERY` is timed for the average. */
  launches: number;
  /**
   * The last claim found fewer jobs than it asked for and nothing woke the slot since: a job
   * ending frees no job for it unless that job held a concurrency key or a customer's place.
   */
  drained: boolean;
  /** Claims in flight. */
  fetching: number;
  /** Jobs the claims in flight asked for. */
  requested: number;
  again: boolean;
}

/**
 * Longest a prefetched job should wait in the local buffer, in ms: the buffer holds only as
 * many jobs as the slot finishes in that time, so it fills for short jobs and stays empty for
 * long ones, which other runners then take.
 */
const PREFETCH_WAIT_MS = 20;
/**
 * Claims one queue may have in flight at once. Two concurrent claims of one queue walk over
 * each other's locked rows; measured here, a second one gained nothing, so it stays at one.
 */
const CLAIMS_IN_FLIGHT = 1;
/**
 * Most jobs prefetched for one queue, and most outcomes being recorded before claims shrink.
 * Measured on PostgreSQL with no-op jobs: a claim plus a completion statement cost the
 * database about 190 µs per job in batches of 16 and under 40 µs in batches of 256.
 */
const PREFETCH_MAX_JOBS = 512;
/** Weight of the newest execution in the moving average of execution time. */
const AVERAGE_WEIGHT = 0.1;
/**
 * One job in this many is timed for the average (and the first): reading the clock twice per job
 * was a thirtieth of the runner's time per no-op job, and the average only sizes the prefetch.
 */
const TIMED_EVERY = 8;

/**
 * Claims jobs for each served queue up to its concurrency, runs them, keeps their leases alive
 * and records how each attempt ended. Idle queues wake on change events, with a slow poll as a
 * safety net.
 */
export class WorkerPool {
  private readonly slots = new Map<string, QueueSlot>();
  private readonly active = new Map<string, JobExecution>();
  /** Calls that must end before the pool has drained, besides the active jobs. */
  private readonly settled = new Set<Promise<void>>();
  /** Resolved once no job is active any more (`drain`). */
  private idleWaiters: Array<() => void> = [];
  /** Idle threads of isolated jobs, terminated once the pool has drained. */
  private readonly threads = new ThreadPool();
  private readonly subscriptions: Unsubscribe[] = [];
  private timers: NodeJS.Timeout[] = [];
  private accepting = false;
  private readonly recorder: AttemptRecorder;
  /** What every execution of this pool needs: one object for all of them. */
  private readonly deps: ExecutionDeps;

  constructor(
    private readonly options: ResolvedRunnerOptions,
    private readonly registry: JobRegistry,
    services: ServiceResolver,
    private readonly worker: WorkerIdentity,
    private readonly types: readonly string[],
    private readonly events: EventEmitter<HangarEvents>,
    private readonly logger: Logger,
  ) {
    this.recorder = new AttemptRecorder(options.queue, worker.id, registry, events, logger);
    this.deps = {
      queue: options.queue,
      services,
      logger,
      abortGraceMs: options.abortGraceMs,
      threads: this.threads,
      onLog: (jobId, entry) => {
        if (events.listenerCount('job:progress') === 0) return;
        safeEmit(events, logger, 'job:progress', { jobId, entry: { ...entry, seq: 0 } });
      },
      validated: registry.validated,
      abandoned: (execution) => {
        const slot = this.slots.get(execution.record.queue);
        if (slot) void this.runAndRecord(slot, execution.record, execution, true);
      },
    };
    for (const [name, concurrency] of Object.entries(options.queues)) {
      this.slots.set(name, {
        name,
        concurrency,
        running: 0,
        recording: 0,
        buffer: [],
        averageMs: undefined,
        launches: 0,
        drained: false,
        fetching: 0,
        requested: 0,
        again: false,
      });
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
      await this.queue.onCancelRequest(this.worker.id, (jobId) => {
        const execution = this.active.get(jobId);
        if (execution) execution.stop('cancel');
        else this.cancelBuffered(jobId);
      }),
      await this.queue.subscribe(
        (change) => {
          if (!isWakeUp(change)) return;
          const slot = change.queue ? this.slots.get(change.queue) : undefined;
          if (slot) this.wake(slot);
          else if (!change.queue) for (const s of this.slots.values()) this.wake(s);
        },
        { wakeUpsOnly: true },
      ),
    );
    this.timers.push(
      setInterval(() => {
        for (const slot of this.slots.values()) this.wake(slot);
      }, this.options.pollIntervalMs),
      setInterval(() => void this.heartbeat(), this.options.heartbeatMs),
    );
    for (const slot of this.slots.values()) this.wake(slot);
  }

  /**
   * Something may have become runnable in the slot's queue: claim. A claim in flight may have
   * read the queue before it did, so one more claim follows it.
   */
  private wake(slot: QueueSlot): void {
    slot.drained = false;
    if (slot.fetching > 0) slot.again = true;
    this.fill(slot);
  }

  /** Stops claiming; running jobs go on. */
  stopClaiming(): void {
    this.accepting = false;
  }

  /** Waits for running jobs up to `graceMs`, then stops the rest and hands them back. */
  async drain(graceMs: number): Promise<void> {
    this.accepting = false;
    for (const slot of this.slots.values()) this.releaseBuffered(slot);
    const all = () => Promise.all([...this.settled, this.idle()]);
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
    await this.threads.close();
  }

  /**
   * Starts buffered jobs in the free slots, then claims for the free slots plus a short
   * prefetch buffer; coalesces concurrent wake-ups.
   */
  private fill(slot: QueueSlot): void {
    if (!this.accepting) return;
    this.launchBuffered(slot);
    if (slot.drained && slot.fetching === 0) return;
    // Outcomes still being recorded hold their leases: past the prefetch size, claim less.
    const backlog = Math.max(0, slot.recording - PREFETCH_MAX_JOBS);
    const room =
      slot.concurrency + this.prefetch(slot) - slot.running - slot.buffer.length - backlog - slot.requested;
    // A second claim runs beside the first only when it can take a full slot's worth of jobs
    // (a busy queue with short jobs); otherwise this fill waits for the claim in flight, which
    // claims again when it came back full or a wake-up came meanwhile. A job that merely ended
    // meanwhile changes nothing the claim read: an extra claim then would find the queue empty
    // and, in the latency loop, compete with the next enqueue in the database.
    if (
      slot.fetching >= CLAIMS_IN_FLIGHT ||
      (slot.fetching > 0 && (slot.drained || room < slot.concurrency))
    ) {
      return;
    }
    if (room <= 0) return;
    // A busy queue of short jobs claims in large batches: each claim and each batch of
    // completions costs the database and this process about as much for 16 jobs as for 256,
    // so refilling the buffer a few jobs at a time would spend most of the time on overhead.
    // A free slot with nothing buffered never waits for the batch to grow.
    const idleSlot = slot.running + slot.buffer.length + slot.requested < slot.concurrency;
    if (!idleSlot && room < this.prefetch(slot) / 2) return;
    slot.fetching += 1;
    slot.requested += room;
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
        slot.fetching -= 1;
        slot.requested -= room;
        slot.drained = !slot.again && jobs.length < room;
        slot.buffer.push(...jobs);
        if (!this.accepting) {
          this.releaseBuffered(slot);
          return;
        }
        this.launchBuffered(slot);
        if (slot.again || (jobs.length === room && jobs.length > 0)) this.fill(slot);
      })
      .catch((error: unknown) => {
        slot.fetching -= 1;
        slot.requested -= room;
        slot.drained = false;
        safeEmit(this.events, this.logger, 'worker:error', {
          error,
          context: `claim from queue ${slot.name}`,
        });
      });
  }

  /** How many jobs the slot may hold claimed beyond its free slots. */
  private prefetch(slot: QueueSlot): number {
    if (slot.averageMs === undefined) return 0;
    const perWait = Math.floor((slot.concurrency * PREFETCH_WAIT_MS) / Math.max(slot.averageMs, 0.01));
    return Math.min(PREFETCH_MAX_JOBS, perWait);
  }

  private launchBuffered(slot: QueueSlot): void {
    while (slot.running < slot.concurrency && slot.buffer.length > 0) {
      const job = slot.buffer.shift();
      if (job) this.launch(slot, job);
    }
  }

  private bufferedSlot(jobId: string): { slot: QueueSlot; index: number } | undefined {
    for (const slot of this.slots.values()) {
      const index = slot.buffer.findIndex((job) => job.id === jobId);
      if (index >= 0) return { slot, index };
    }
    return undefined;
  }

  /** Hands prefetched jobs back to the queue without using up their attempt. */
  private releaseBuffered(slot: QueueSlot): void {
    for (const job of slot.buffer.splice(0)) {
      this.track(
        this.queue.release(job.id, this.worker.id).then(
          () => undefined,
          (error: unknown) =>
            safeEmit(this.events, this.logger, 'worker:error', { error, context: `releasing job ${job.id}` }),
        ),
      );
    }
  }

  /** A prefetched job whose cancellation was requested ends Cancelled without running. */
  private cancelBuffered(jobId: string): void {
    const found = this.bufferedSlot(jobId);
    if (!found) return;
    const [job] = found.slot.buffer.splice(found.index, 1);
    if (!job) return;
    const result = {
      success: false,
      errorInfo: [errorInfoFromError(new JobCancelledError(job.id), job.type)],
    };
    this.track(
      this.recorder.record(job, { kind: 'cancelled', result }).catch((error: unknown) => {
        safeEmit(this.events, this.logger, 'worker:error', {
          error,
          context: `recording the end of job ${job.id}`,
        });
      }),
    );
    this.fill(found.slot);
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.finally(() => this.settled.delete(tracked));
    this.settled.add(tracked);
  }

  /** Resolves once no job is active. */
  private idle(): Promise<void> {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private launch(slot: QueueSlot, job: JobRecord): void {
    slot.running += 1;
    const execution = new JobExecution(job, this.registry.get(job.type), this.deps);
    if (slot.launches++ % TIMED_EVERY === 0 || slot.averageMs === undefined)
      execution.startedAt = performance.now();
    this.active.set(job.id, execution);
    if (this.events.listenerCount('job:started') > 0)
      safeEmit(this.events, this.logger, 'job:started', { job });
    void this.runAndRecord(slot, job, execution);
  }

  /**
   * Runs one attempt and records its outcome. The slot is free once the execution ended;
   * recording its outcome goes on beside the next job, and the job stays active (heartbeated,
   * leased) until it is recorded. One async function per job, awaiting the job's own promise
   * and the adapter's: a chain of then/catch/finally cost three promises and three closures more,
   * an async `run` of the execution wrapping the job's promise a third of the allocations.
   *
   * A stopped job that outlived the grace is `abandoned`: this is called again for it, and its
   * first call, should the job's promise ever settle, returns without a word.
   */
  private async runAndRecord(
    slot: QueueSlot,
    job: JobRecord,
    execution: JobExecution,
    abandoned = false,
  ): Promise<void> {
    const { startedAt } = execution;
    let executing = true;
    try {
      let outcome: AttemptOutcome;
      if (abandoned) outcome = execution.outcome(true, execution.stopError);
      else {
        try {
          const value = await execution.start();
          if (execution.abandoned) return;
          outcome = execution.outcome(false, value);
        } catch (error) {
          if (execution.abandoned) return;
          outcome = execution.outcome(true, error);
        }
      }
      if (execution.holdsResources) await execution.release();
      executing = false;
      this.executionEnded(slot, startedAt);
      // A success is completed here rather than through `record`: one async step less per job.
      if (outcome.kind !== 'succeeded') await this.recorder.record(job, outcome);
      else if (await this.queue.complete(job.id, this.worker.id, outcome.result))
        this.recorder.succeeded(job, outcome.result);
    } catch (error) {
      safeEmit(this.events, this.logger, 'worker:error', {
        error,
        context: `recording the end of job ${job.id}`,
      });
    } finally {
      // (a first call returning for an abandoned job skips this: its second call does it)
      if (abandoned || !execution.abandoned) this.recorded(slot, job, executing, startedAt);
    }
  }

  /** The attempt's end is recorded (or could not be): the job leaves the slot and the pool. */
  private recorded(slot: QueueSlot, job: JobRecord, executing: boolean, startedAt: number): void {
    if (executing) this.executionEnded(slot, startedAt);
    this.active.delete(job.id);
    // Outcomes past the prefetch size made the slot claim less (`fill`): one fewer may let it claim.
    const backlogged = slot.recording > PREFETCH_MAX_JOBS;
    slot.recording -= 1;
    if (this.active.size === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    // Its end may free a concurrency key or a customer's place: jobs a claim skipped may run.
    // Otherwise the end of the execution already filled the slot (`executionEnded`).
    if (job.concurrencyKey !== undefined || (job.customerId !== undefined && this.options.maxPerCustomer))
      this.wake(slot);
    else if (backlogged) this.fill(slot);
  }

  private executionEnded(slot: QueueSlot, startedAt: number): void {
    if (!Number.isNaN(startedAt)) {
      const ms = performance.now() - startedAt;
      slot.averageMs =
        slot.averageMs === undefined ? ms : slot.averageMs + AVERAGE_WEIGHT * (ms - slot.averageMs);
    }
    slot.running -= 1;
    slot.recording += 1;
    this.fill(slot);
  }

  private async heartbeat(): Promise<void> {
    const ids = [...this.active.keys()];
    for (const slot of this.slots.values()) for (const job of slot.buffer) ids.push(job.id);
    if (ids.length === 0) return;
    try {
      const held = new Set(await this.queue.heartbeat(this.worker.id, ids, this.options.leaseMs));
      for (const id of ids) {
        if (held.has(id)) continue;
        const execution = this.active.get(id);
        if (execution) execution.stop('lease-lost');
        else {
          // A prefetched job whose lease was lost belongs to another worker now: drop it.
          const found = this.bufferedSlot(id);
          if (found) found.slot.buffer.splice(found.index, 1);
        }
      }
    } catch (error) {
      safeEmit(this.events, this.logger, 'worker:error', { error, context: 'heartbeat' });
    }
  }
}

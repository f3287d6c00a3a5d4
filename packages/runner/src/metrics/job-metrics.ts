import type { HangarEvents, JobRecord, QueueAdapter, QueueDepth } from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';
import type { Counter, Histogram, Registry } from 'prom-client';
import type { ResolvedMetricsOptions } from './metrics-options.js';
import type { PromClient } from './prom-client-loader.js';

type JobLabel = 'type' | 'queue' | 'customer';
type Outcome = 'succeeded' | 'failed' | 'cancelled' | 'retrying';

/**
 * The Prometheus metrics of the jobs a process enqueues and runs, counted from the events of its
 * client and runner (each process counts its own; Prometheus adds them up), and the state of the
 * shared queue read on each scrape (queue depths, live runners), which every process reports
 * alike. Call `stop()` to detach from the events.
 */
export class JobMetrics {
  /** The registry holding these metrics, for `registry.metrics()`. */
  readonly registry: Registry;
  private readonly counters: Record<'enqueued' | 'started' | Outcome | 'retried', Counter<string>>;
  private readonly duration: Histogram<string>;
  private readonly detach: () => void;

  constructor(
    prom: PromClient,
    options: ResolvedMetricsOptions,
    events: EventEmitter<HangarEvents>,
    private readonly queue: QueueAdapter,
  ) {
    this.registry = new prom.Registry();
    const labels: JobLabel[] = options.customerLabel ? ['type', 'queue', 'customer'] : ['type', 'queue'];
    const p = options.prefix;
    const counter = (name: string, help: string, extra: string[] = []) =>
      new prom.Counter({
        name: `${p}${name}`,
        help,
        labelNames: [...labels, ...extra],
        registers: [this.registry],
      });
    this.counters = {
      enqueued: counter('jobs_enqueued_total', 'Jobs enqueued by this process'),
      started: counter('jobs_started_total', 'Attempts started by this process'),
      succeeded: counter('jobs_succeeded_total', 'Jobs that succeeded in this process'),
      failed: counter('jobs_failed_total', 'Jobs that failed for good in this process'),
      cancelled: counter('jobs_cancelled_total', 'Running jobs that ended cancelled in this process'),
      retrying: counter('jobs_retrying_total', 'Failed attempts this process scheduled another attempt for'),
      retried: counter('jobs_retried_total', 'Failed or Cancelled jobs this process put back by hand'),
    };
    this.duration = new prom.Histogram({
      name: `${p}job_attempt_duration_seconds`,
      help: 'Duration of the attempts this process ran, by how they ended',
      labelNames: [...labels, 'outcome'],
      buckets: [...options.durationBuckets],
      registers: [this.registry],
    });
    // Both queue gauges come from one read per scrape: the first collected reads, the second reuses it.
    let depths: Promise<QueueDepth[]> | undefined;
    const queueDepth = new prom.Gauge({
      name: `${p}queue_depth`,
      help: 'Enqueued jobs waiting for a worker, per queue (read from the queue on each scrape)',
      labelNames: ['queue'],
      registers: [this.registry],
      collect: async () => {
        depths = this.queue.queueDepths();
        queueDepth.reset();
        for (const d of await depths) queueDepth.set({ queue: d.queue }, d.waiting);
      },
    });
    const oldestWaiting = new prom.Gauge({
      name: `${p}queue_oldest_waiting_seconds`,
      help: 'How long the longest-waiting Enqueued job of each queue could have run already',
      labelNames: ['queue'],
      registers: [this.registry],
      collect: async () => {
        const read = depths ?? this.queue.queueDepths();
        depths = undefined;
        oldestWaiting.reset();
        const now = Date.now();
        for (const d of await read) {
          oldestWaiting.set({ queue: d.queue }, Math.max(0, (now - d.oldestRunAt.getTime()) / 1000));
        }
      },
    });
    const runners = new prom.Gauge({
      name: `${p}runners_alive`,
      help: 'Runners whose advertisement has not lapsed (read from the queue on each scrape)',
      registers: [this.registry],
      collect: async () => {
        runners.set((await this.queue.listRunners()).length);
      },
    });

    const of = (job: JobRecord): Record<string, string> => {
      const base = { type: job.type, queue: job.queue };
      return options.customerLabel ? { ...base, customer: job.customerId ?? '' } : base;
    };
    const ended = (job: JobRecord, outcome: Outcome) => {
      this.counters[outcome].inc(of(job));
      if (job.startedAt) {
        const seconds = Math.max(0, (Date.now() - job.startedAt.getTime()) / 1000);
        this.duration.observe({ ...of(job), outcome }, seconds);
      }
    };
    const handlers: { [K in keyof HangarEvents]?: HangarEvents[K] } = {
      'job:enqueued': ({ job }) => this.counters.enqueued.inc(of(job)),
      'job:started': ({ job }) => this.counters.started.inc(of(job)),
      'job:succeeded': ({ job }) => ended(job, 'succeeded'),
      'job:failed': ({ job }) => ended(job, 'failed'),
      'job:cancelled': ({ job }) => ended(job, 'cancelled'),
      'job:retrying': ({ job }) => ended(job, 'retrying'),
      'job:retried': ({ job }) => this.counters.retried.inc(of(job)),
    };
    for (const [name, handler] of Object.entries(handlers)) {
      events.on(name as keyof HangarEvents, handler as never);
    }
    this.detach = () => {
      for (const [name, handler] of Object.entries(handlers)) {
        events.off(name as keyof HangarEvents, handler as never);
      }
    };
  }

  /** The metrics in the Prometheus text format. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /** Stops counting events. */
  stop(): void {
    this.detach();
  }
}

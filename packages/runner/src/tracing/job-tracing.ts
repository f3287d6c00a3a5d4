import type { EnqueueRequest, EnqueueResult, HangarEvents, JobRecord } from '@hangar/core';
import type { Attributes, Context, Span, Tracer } from '@opentelemetry/api';
import type { EventEmitter } from 'eventemitter3';
import { loadOtelApi, type OtelApi } from './otel-api-loader.js';
import { formatTraceParent, parseTraceParent } from './traceparent.js';
import type { ResolvedTracingOptions } from './tracing-options.js';

/** Metadata key holding the trace context of a job's enqueue span (W3C `traceparent`). */
export const TRACEPARENT_KEY = 'traceparent';

function jobAttributes(job: { type: string; queue: string; customerId?: string | undefined }): Attributes {
  const attributes: Attributes = {
    'messaging.system': 'hangar',
    'messaging.destination.name': job.queue,
    'hangar.job.type': job.type,
    'hangar.job.queue': job.queue,
  };
  if (job.customerId !== undefined) attributes['hangar.customer'] = job.customerId;
  return attributes;
}

/**
 * OpenTelemetry spans of jobs: one per enqueue (its trace context stored in the job's metadata
 * as `traceparent`) and one per attempt, a child of the enqueue span whichever process runs it,
 * since the context travels in the stored record, not in memory.
 */
export class JobTracing {
  private constructor(
    private readonly api: OtelApi,
    private readonly tracer: Tracer,
  ) {}

  /** Loads `@opentelemetry/api` and takes the tracer. */
  static async create(options: ResolvedTracingOptions): Promise<JobTracing> {
    const api = await loadOtelApi();
    const provider = options.tracerProvider ?? api.trace.getTracerProvider();
    return new JobTracing(api, provider.getTracer(options.tracerName) as Tracer);
  }

  /**
   * Runs an enqueue inside one span per job (children of the caller's active span), each job
   * carrying its span's context in `metadata.traceparent`.
   */
  async enqueue(
    requests: readonly EnqueueRequest[],
    store: (requests: EnqueueRequest[]) => Promise<EnqueueResult[]>,
  ): Promise<EnqueueResult[]> {
    const { api } = this;
    const parent = api.context.active();
    const spans = requests.map((r) =>
      this.tracer.startSpan(
        `enqueue ${r.type}`,
        { kind: api.SpanKind.PRODUCER, attributes: jobAttributes(r) },
        parent,
      ),
    );
    const traced = requests.map((r, i) => {
      const span = spans[i] as Span;
      return { ...r, metadata: { ...r.metadata, [TRACEPARENT_KEY]: formatTraceParent(span.spanContext()) } };
    });
    try {
      const results = await store(traced);
      results.forEach((result, i) => {
        spans[i]?.setAttributes({ 'hangar.job.id': result.id, 'hangar.job.created': result.created });
      });
      return results;
    } catch (error) {
      for (const span of spans) {
        span.recordException(error as Error);
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: (error as Error).message });
      }
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  /**
   * Starts a span per attempt when a runner's `job:started` fires, as a child of the job's enqueue
   * span, and ends it on the attempt's outcome. Returns the function that stops following (and
   * ends the spans of attempts still open, handed back at shutdown).
   */
  followAttempts(events: EventEmitter<HangarEvents>): () => void {
    const { api } = this;
    const open = new Map<string, Span>();
    const start = ({ job }: { job: JobRecord }) => {
      const context = this.parentOf(job);
      const span = this.tracer.startSpan(
        `run ${job.type}`,
        {
          kind: api.SpanKind.CONSUMER,
          attributes: { ...jobAttributes(job), 'hangar.job.id': job.id, 'hangar.job.attempt': job.attempts },
        },
        context,
      );
      open.get(job.id)?.end();
      open.set(job.id, span);
    };
    const end = (job: JobRecord, outcome: string, error?: string) => {
      const span = open.get(job.id);
      if (!span) return;
      open.delete(job.id);
      span.setAttribute('hangar.attempt.outcome', outcome);
      if (error !== undefined) span.setStatus({ code: api.SpanStatusCode.ERROR, message: error });
      span.end();
    };
    const firstCode = (info: ReadonlyArray<{ code: string }>) => info[0]?.code ?? 'error';
    const handlers: { [K in keyof HangarEvents]?: HangarEvents[K] } = {
      'job:started': start,
      'job:succeeded': ({ job }) => end(job, 'succeeded'),
      'job:failed': ({ job, errorInfo }) => end(job, 'failed', firstCode(errorInfo)),
      'job:retrying': ({ job, errorInfo }) => end(job, 'retrying', firstCode(errorInfo)),
      'job:cancelled': ({ job }) => end(job, 'cancelled'),
    };
    for (const [name, handler] of Object.entries(handlers))
      events.on(name as keyof HangarEvents, handler as never);
    return () => {
      for (const [name, handler] of Object.entries(handlers))
        events.off(name as keyof HangarEvents, handler as never);
      for (const span of open.values()) {
        span.setAttribute('hangar.attempt.outcome', 'released');
        span.end();
      }
      open.clear();
    };
  }

  /** The context of the job's enqueue span, read back from its metadata; the root context without one. */
  private parentOf(job: JobRecord): Context {
    const parent = parseTraceParent(job.metadata?.[TRACEPARENT_KEY]);
    if (!parent) return this.api.ROOT_CONTEXT;
    return this.api.trace.setSpanContext(this.api.ROOT_CONTEXT, { ...parent, isRemote: true });
  }
}

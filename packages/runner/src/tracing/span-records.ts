import type { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';

/** What the tracing tests read of a finished span; plain JSON, so that it crosses a process boundary. */
export interface SpanRecord {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
  status: number;
}

/** The finished spans of an in-memory exporter, as records. */
export function exportedSpans(exporter: InMemorySpanExporter): SpanRecord[] {
  return exporter.getFinishedSpans().map((span) => ({
    name: span.name,
    kind: span.kind,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    attributes: { ...span.attributes },
    status: span.status.code,
  }));
}

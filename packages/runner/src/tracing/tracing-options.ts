import { ConfigurationError } from '@hangar/core';

/** Where spans go: an OpenTelemetry `TracerProvider` (typed loosely so `@opentelemetry/api` stays optional). */
export interface TracerProviderLike {
  /** Returns the tracer spans are started with. */
  getTracer(name: string, version?: string): unknown;
}

/** Options of OpenTelemetry tracing (`tracing` of the runner and the client). */
export interface TracingOptions {
  /** Tracer provider to take the tracer from. @defaultValue the global one of `@opentelemetry/api` */
  tracerProvider?: TracerProviderLike;
  /** Name of the tracer. @defaultValue '@hangar/runner' */
  tracerName?: string;
}

/** The defaults of the tracing options. */
export const TRACING_DEFAULTS = { tracerName: '@hangar/runner' } as const;

/** Tracing options with defaults applied; undefined when tracing is off. */
export type ResolvedTracingOptions = { tracerProvider: TracerProviderLike | undefined; tracerName: string };

/** Checks the `tracing` option, naming the field to fix. */
export function resolveTracingOptions(
  options: boolean | TracingOptions | undefined,
): ResolvedTracingOptions | undefined {
  if (options === undefined || options === false) return undefined;
  const given = options === true ? {} : options;
  if (typeof given !== 'object' || given === null) {
    throw new ConfigurationError('tracing', 'pass true, or { tracerProvider, tracerName }');
  }
  if (given.tracerProvider !== undefined && typeof given.tracerProvider?.getTracer !== 'function') {
    throw new ConfigurationError(
      'tracing.tracerProvider',
      'pass an OpenTelemetry TracerProvider (with getTracer)',
    );
  }
  const tracerName = given.tracerName ?? TRACING_DEFAULTS.tracerName;
  if (typeof tracerName !== 'string' || tracerName === '') {
    throw new ConfigurationError('tracing.tracerName', 'give a non-empty name');
  }
  return { tracerProvider: given.tracerProvider, tracerName };
}

import { loadOptionalPeer } from '../optional-peer/load-optional-peer.js';

/** The `@opentelemetry/api` module, loaded only when tracing is on: it is an optional peer dependency. */
export type OtelApi = typeof import('@opentelemetry/api');

/** Loads `@opentelemetry/api`, or says to install it, naming the `tracing` option. */
export function loadOtelApi(): Promise<OtelApi> {
  return loadOptionalPeer(() => import('@opentelemetry/api'), 'tracing', '@opentelemetry/api@1');
}

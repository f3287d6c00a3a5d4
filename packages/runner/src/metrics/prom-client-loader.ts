import { loadOptionalPeer } from '../optional-peer/load-optional-peer.js';

/** The prom-client module, loaded only when metrics are on: it is an optional peer dependency. */
export type PromClient = typeof import('prom-client');

/** Loads prom-client, or says to install it, naming the `metrics` option. */
export function loadPromClient(): Promise<PromClient> {
  return loadOptionalPeer(() => import('prom-client'), 'metrics', 'prom-client@15');
}

import { ConfigurationError } from '@hangar/core';

/** The prom-client module, loaded only when metrics are on: it is an optional peer dependency. */
export type PromClient = typeof import('prom-client');

/** Loads prom-client, or says to install it, naming the option that needs it. */
export async function loadPromClient(): Promise<PromClient> {
  try {
    return await import('prom-client');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ConfigurationError(
        'metrics',
        'needs the prom-client package: install it with `npm install prom-client@15`, or turn metrics off',
      );
    }
    throw error;
  }
}

import type { ErrorParams } from '@hangar/core';
import type { EngineError } from '../engine/index.js';
import { ConsoError } from './conso-error.js';

/** Message key of an engine error code: `OWNERSHIP_SINGULAR` → `conso.error.engine.ownershipSingular`. */
export function engineErrorKey(code: string): string {
  const camel = code.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return `conso.error.engine.${camel}`;
}

/**
 * An error of the pure engine (unbalanced bundle, singular ownership, missing rate...) raised while
 * a job ran a conso. Keeps the engine's code and parameters and adds the conso, so the message
 * names the conso and the companies, accounts or journals at fault.
 */
export class EngineFailureError extends ConsoError {
  constructor(error: EngineError, conso: string) {
    const params: Record<string, string | number> = { ...error.params, conso };
    super(
      error.code,
      engineErrorKey(error.code),
      `Conso ${conso}: ${error.message}`,
      params as ErrorParams,
      error,
    );
  }
}

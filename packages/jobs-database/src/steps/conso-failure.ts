import { type ErrorInfo, errorInfoFromError } from '@hangar/core';
import { EngineError } from '../engine/index.js';
import { EngineFailureError } from '../errors/engine-failure-error.js';

/**
 * The ErrorInfo entries of a conso that failed: engine errors are given the conso's code and a
 * translatable key; errors that carry their own entries (stored procedures) keep them.
 */
export function failureEntries(error: unknown, conso: string): ErrorInfo {
  const wrapped = error instanceof EngineError ? new EngineFailureError(error, conso) : error;
  const detailed = (wrapped as { errorInfo?: unknown }).errorInfo;
  const own = errorInfoFromError(wrapped, conso);
  if (Array.isArray(detailed) && detailed.length > 0) {
    return [own, ...(detailed as ErrorInfo).map((e) => ({ ...e, source: e.source ?? conso }))];
  }
  return [own];
}

import { type ErrorParams, HangarError } from '@hangar/core';

/**
 * Base of the errors the consolidation jobs throw: a stable `code`, a `conso.error.*` message key
 * and parameters naming the conso, companies or accounts. Not retryable by default, because a
 * consolidation fails the same way until someone fixes the data.
 */
export class ConsoError extends HangarError {
  constructor(code: string, key: string, message: string, params: ErrorParams = {}, cause?: unknown) {
    super(code, key, message, { params, cause, retryable: false });
  }
}

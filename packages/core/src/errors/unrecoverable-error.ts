import { type ErrorParams, HangarError } from './hangar-error.js';

/** Thrown by a job to fail at once, without the retries its policy would allow. */
export class UnrecoverableError extends HangarError {
  constructor(message: string, options: { key?: string; params?: ErrorParams; cause?: unknown } = {}) {
    super('JOB_UNRECOVERABLE', options.key ?? 'hangar.error.unrecoverable', message, {
      params: options.params ?? { message },
      cause: options.cause,
      retryable: false,
    });
  }
}

import { HangarError } from './hangar-error.js';

/** The job type is not registered in this runner or client. */
export class UnknownJobTypeError extends HangarError {
  constructor(type: string, known: readonly string[]) {
    super(
      'JOB_TYPE_UNKNOWN',
      'hangar.error.unknownJobType',
      `Unknown job type "${type}". Registered types: ${known.join(', ') || '(none)'}`,
      { params: { type, known: known.join(', ') }, retryable: false },
    );
  }
}

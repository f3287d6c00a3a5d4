import { HangarError } from '@hangar/core';

/**
 * A parameter passed the schema but cannot be used (an unknown template, a file the named job did
 * not produce, too large an attachment); the job is refused before it sends or writes anything.
 */
export class JobParamError extends HangarError {
  /** Path of the parameter, e.g. `attachments.0.file`. */
  readonly param: string;

  constructor(param: string, problem: string) {
    super('OTHER_PARAM_INVALID', 'other.error.param', `Parameter "${param}" is invalid: ${problem}`, {
      params: { param, problem },
      retryable: false,
    });
    this.param = param;
  }
}

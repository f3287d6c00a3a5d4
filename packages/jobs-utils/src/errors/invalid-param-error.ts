import { HangarError } from '@hangar/core';

/** A param the job cannot run with (an empty script, a timeout above the operator's limit…). */
export class InvalidParamError extends HangarError {
  /** The param at fault, e.g. `script` or `timeoutMs`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super('UTILS_INVALID_PARAM', 'utils.error.invalidParam', `Parameter "${field}": ${problem}`, {
      params: { field, problem },
      retryable: false,
    });
    this.field = field;
  }
}

import { HangarError } from '@hangar/core';

/** A job named a command, or an environment variable, that the operator's settings do not allow. */
export class CommandNotAllowedError extends HangarError {
  /** The param that named it, e.g. `command` or `env.SECRET`. */
  readonly field: string;

  constructor(field: string, value: string) {
    super(
      'UTILS_NOT_ALLOWED',
      'utils.error.notAllowed',
      `Parameter "${field}" (${value}) is not in the allow-list`,
      {
        params: { field, value },
        retryable: false,
      },
    );
    this.field = field;
  }
}

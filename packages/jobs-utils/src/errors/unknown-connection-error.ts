import { HangarError } from '@hangar/core';

/** A SQL job named a connection the operator's settings do not define. */
export class UnknownConnectionError extends HangarError {
  constructor(field: string, name: string) {
    super(
      'UTILS_UNKNOWN_CONNECTION',
      'utils.error.unknownConnection',
      `Parameter "${field}": no connection named "${name}"`,
      {
        params: { field, name },
        retryable: false,
      },
    );
  }
}

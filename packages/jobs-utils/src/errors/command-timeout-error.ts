import { HangarError } from '@hangar/core';

/** A command ran past its timeout and was stopped. */
export class CommandTimeoutError extends HangarError {
  constructor(command: string, timeoutMs: number) {
    super(
      'UTILS_COMMAND_TIMEOUT',
      'utils.error.commandTimeout',
      `${command} ran past its timeout of ${timeoutMs} ms and was stopped`,
      {
        params: { command, timeoutMs },
        retryable: false,
      },
    );
  }
}

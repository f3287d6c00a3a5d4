import { HangarError } from '@hangar/core';

/** A command ended with a non-zero exit code or was killed by a signal. */
export class CommandFailedError extends HangarError {
  constructor(command: string, exit: string, lastLines: string) {
    super('UTILS_COMMAND_FAILED', 'utils.error.commandFailed', `${command} failed (${exit}):\n${lastLines}`, {
      params: { command, exit, lastLines },
      retryable: false,
    });
  }
}

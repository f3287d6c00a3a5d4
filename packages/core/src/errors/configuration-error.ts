import { HangarError } from './hangar-error.js';

/** An option passed to a Hangar constructor is wrong; the message says what to fix. */
export class ConfigurationError extends HangarError {
  constructor(option: string, problem: string) {
    super('CONFIG_INVALID', 'hangar.error.config', `Invalid option "${option}": ${problem}`, {
      params: { option, problem },
      retryable: false,
    });
  }
}

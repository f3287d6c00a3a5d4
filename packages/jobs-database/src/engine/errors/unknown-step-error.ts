import { EngineError } from './engine-error.js';

/** The case names a step the engine does not implement. */
export class UnknownStepError extends EngineError {
  constructor(step: string) {
    super('UNKNOWN_STEP', `Unknown step ${step}`, { step });
  }
}

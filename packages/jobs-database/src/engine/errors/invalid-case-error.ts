import { EngineError } from './engine-error.js';

/** The case input is missing a field or has a field of the wrong shape. */
export class InvalidCaseError extends EngineError {
  constructor(field: string, problem: string) {
    super('INVALID_CASE', `Invalid case input at ${field}: ${problem}`, { field, problem });
  }
}

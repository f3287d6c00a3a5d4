import { EngineError } from '../engine/index.js';

/**
 * A case uses a field the database model has no column for (e.g. a line-level rate). The engine
 * can still evaluate it; the evaluate command says so and falls back to it.
 */
export class CaseFieldNotStorableError extends EngineError {
  constructor(field: string, problem: string) {
    super('CASE_FIELD_NOT_STORABLE', `Case field at ${field} cannot be stored: ${problem}`, {
      field,
      problem,
    });
  }
}

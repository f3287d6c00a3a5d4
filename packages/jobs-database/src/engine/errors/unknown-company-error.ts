import { EngineError } from './engine-error.js';

/** A holding, bundle or journal names a company that is not in the perimeter. */
export class UnknownCompanyError extends EngineError {
  constructor(company: string, context: string) {
    super('UNKNOWN_COMPANY', `Unknown company ${company} (${context})`, { company, context });
  }
}

import { EngineError } from './engine-error.js';

/** A set of companies holds 100% of itself, so I − A cannot be inverted. */
export class OwnershipSingularError extends EngineError {
  /** The companies of the closed cycle, in input order. */
  readonly companies: readonly string[];

  constructor(companies: readonly string[]) {
    super(
      'OWNERSHIP_SINGULAR',
      `Ownership matrix is singular: companies ${companies.join(', ')} hold 100% of themselves with no outside shareholders`,
      { companies: companies.join(',') },
    );
    this.companies = companies;
  }
}

/** Base engine error and its parameter type. */
export { EngineError, type EngineErrorParams, hasEngineErrorCode } from './engine-error.js';
/** Raised when holdings in one company exceed 100%. */
export { HoldingsOver100Error } from './holdings-over-100-error.js';
/** Raised when the case input has a missing or malformed field. */
export { InvalidCaseError } from './invalid-case-error.js';
/** Raised when a needed exchange rate is missing. */
export { MissingRateError } from './missing-rate-error.js';
/** Raised when a set of companies holds 100% of itself. */
export { OwnershipSingularError } from './ownership-singular-error.js';
/** Raised when a direct percentage is outside [0, 1]. */
export { PercentOutOfRangeError } from './percent-out-of-range-error.js';
/** Raised when a local-currency bundle does not balance. */
export { UnbalancedBundleError } from './unbalanced-bundle-error.js';
/** Raised when an adjustment journal does not balance. */
export { UnbalancedJournalError } from './unbalanced-journal-error.js';
/** Raised for an account the chart does not define. */
export { UnknownAccountError } from './unknown-account-error.js';
/** Raised for a company outside the perimeter. */
export { UnknownCompanyError } from './unknown-company-error.js';
/** Raised for a shareholding in an undefined share class. */
export { UnknownShareClassError } from './unknown-share-class-error.js';
/** Raised for a step the engine does not implement. */
export { UnknownStepError } from './unknown-step-error.js';

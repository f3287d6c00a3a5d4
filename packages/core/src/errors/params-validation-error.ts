import { HangarError } from './hangar-error.js';

/** One field-level problem with job parameters or options. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `companies.2.code`; empty for the whole object. */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** Machine-readable issue code, e.g. `invalid_type`. */
  code: string;
}

/** Parameters failed their schema: nothing was enqueued or executed. */
export class ParamsValidationError extends HangarError {
  /** Every field-level problem found. */
  readonly issues: readonly FieldIssue[];

  constructor(type: string, issues: readonly FieldIssue[]) {
    const summary = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    super(
      'PARAMS_INVALID',
      'hangar.error.paramsInvalid',
      `Invalid parameters for job "${type}": ${summary}`,
      {
        params: { type, issues: summary },
        retryable: false,
      },
    );
    this.issues = issues;
  }

  override toJSON() {
    return { ...super.toJSON(), issues: this.issues };
  }
}

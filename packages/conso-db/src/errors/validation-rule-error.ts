import { HangarError } from '@hangar/core';

/** A validation rule stored for the customer cannot be evaluated: bad selector, unknown account or flow. */
export class ValidationRuleError extends HangarError {
  constructor(rule: string, problem: string) {
    super(
      'VALIDATION_RULE_INVALID',
      'hangar.consoDb.error.validationRule',
      `Validation rule "${rule}" is invalid: ${problem}`,
      { params: { rule, problem }, retryable: false },
    );
  }
}

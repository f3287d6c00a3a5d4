import type { ValidationRuleFailure } from '@hangar/conso-db';
import type { ErrorInfo } from '@hangar/core';
import { ConsoError } from './conso-error.js';

/**
 * Blocking validation rules failed on a conso's bundles, so the consolidation was refused before it
 * started. `errorInfo` has one entry per failing company and rule (`CONSO_RULE_FAILED`: company,
 * rule, expected, actual, difference), which the job's ErrorInfo lists under the conso.
 */
export class BlockingRulesFailedError extends ConsoError {
  /** One entry per failing company and rule. */
  readonly errorInfo: ErrorInfo;

  constructor(conso: string, failures: readonly ValidationRuleFailure[]) {
    const rules = [...new Set(failures.map((f) => f.rule))].join(', ');
    super(
      'CONSO_BLOCKING_RULES_FAILED',
      'conso.error.blockingRulesFailed',
      `Conso ${conso}: ${failures.length} blocking validation check(s) failed (${rules})`,
      { conso, rules, count: failures.length },
    );
    this.errorInfo = failures.map((failure) => ({
      code: 'CONSO_RULE_FAILED',
      key: 'conso.error.ruleFailed',
      params: {
        company: failure.company,
        rule: failure.rule,
        name: failure.name,
        expected: failure.expected,
        actual: failure.actual,
        difference: failure.difference,
      },
      severity: 'error',
    }));
  }
}

import type { ErrorInfo } from '@hangar/core';
import { ConsoError } from './conso-error.js';

/**
 * Steps of a workflow failed or were cancelled; names the workflow and the steps. Its `errorInfo`
 * is this entry followed by the failed steps' own entries (each with `source` `step:<id>`), so
 * the workflow job's errors say why each step failed.
 */
export class WorkflowFailedError extends ConsoError {
  /** Ids of the steps that failed or were cancelled, in declaration order. */
  readonly steps: readonly string[];

  /** This error's entry, then the failed steps' entries. */
  readonly errorInfo: ErrorInfo;

  constructor(workflow: string, steps: readonly string[], stepErrors: ErrorInfo = []) {
    const shown = steps.length > 20 ? `${steps.slice(0, 20).join(', ')}, …` : steps.join(', ');
    super(
      'WORKFLOW_FAILED',
      'conso.error.workflowFailed',
      `Workflow "${workflow}": ${steps.length} step(s) failed or were cancelled: ${shown}`,
      { workflow, count: steps.length, steps: shown },
    );
    this.steps = steps;
    this.errorInfo = [
      { code: this.code, key: this.key, params: { ...this.params }, severity: 'error' },
      ...stepErrors,
    ];
  }
}

import type { JobState } from '../state/job-state.js';

/**
 * How a parent has to end for its child to run:
 * - `success`: the parent Succeeded (the default);
 * - `failure`: the parent Failed or was Cancelled (a compensation or alert step);
 * - `end`: the parent reached any terminal state (a clean-up step).
 */
export type ParentCondition = 'success' | 'failure' | 'end';

/** One parent a job waits on, as given to `enqueue`. */
export interface ParentDependencyInput {
  /** The parent job's id. */
  id: string;
  /** How the parent has to end. @defaultValue 'success' */
  on?: ParentCondition;
}

/** One parent a job waits on, as stored on its record. */
export interface ParentDependency {
  /** The parent job's id. */
  readonly id: string;
  /** How the parent has to end. */
  readonly on: ParentCondition;
}

/** The terminal states that satisfy each condition. */
export const PARENT_CONDITION_STATES: Readonly<Record<ParentCondition, readonly JobState[]>> = {
  success: ['Succeeded'],
  failure: ['Failed', 'Cancelled'],
  end: ['Succeeded', 'Failed', 'Cancelled'],
};

/** Whether a parent that ended in `state` satisfies `condition`. */
export function parentConditionHolds(condition: ParentCondition, state: JobState): boolean {
  return PARENT_CONDITION_STATES[condition].includes(state);
}

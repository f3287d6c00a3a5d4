import type { ErrorInfo } from '../../error-info/error-info.js';
import type { ParentCondition, ParentDependency } from '../../queue/parent-dependency.js';
import { parentConditionHolds } from '../../queue/parent-dependency.js';
import { isTerminalState, type JobState } from '../../state/job-state.js';

/** A parent that ended in a state its child's condition does not accept. */
export interface UnmetParent {
  /** The parent's id. */
  parentId: string;
  /** The terminal state it ended in. */
  state: JobState;
  /** What the child waited for. */
  condition: ParentCondition;
}

/** Where a new child stands, given how far its parents are. */
export type ParentGate =
  /** Every parent has ended as its condition asks (or it has none): it runs (Enqueued or Scheduled). */
  | { kind: 'ready' }
  /** Some parents have not ended yet and none has broken its condition: it waits (Awaiting). */
  | { kind: 'awaiting'; pending: number }
  /** A parent has ended in a state its condition does not accept: it never runs (Cancelled). */
  | { kind: 'cancelled'; unmet: UnmetParent };

/**
 * Decides where a new child stands from the current state of each of its parents (all of which
 * exist: a missing one is refused before anything is stored). The first parent, in the order
 * given, that broke its condition is the one named; `pending` counts the parents still running,
 * which is what an adapter keeps to release the child when it reaches zero.
 *
 * @example
 * parentGate([{ id: 'a', on: 'success' }, { id: 'b', on: 'failure' }], (id) => states.get(id));
 * // { kind: 'awaiting', pending: 2 } while both run
 */
export function parentGate(
  parents: readonly ParentDependency[],
  stateOf: (parentId: string) => JobState | undefined,
): ParentGate {
  let pending = 0;
  for (const parent of parents) {
    const state = stateOf(parent.id);
    if (state === undefined || !isTerminalState(state)) {
      pending += 1;
      continue;
    }
    if (!parentConditionHolds(parent.on, state)) {
      return { kind: 'cancelled', unmet: { parentId: parent.id, state, condition: parent.on } };
    }
  }
  return pending === 0 ? { kind: 'ready' } : { kind: 'awaiting', pending };
}

/**
 * The error every adapter records on a child cancelled because a parent ended in a state its
 * condition does not accept (code `PARENT_CONDITION_UNMET`).
 *
 * @example
 * child.errorInfo = parentConditionUnmetErrorInfo({ parentId: parent.id, state: 'Failed', condition: 'success' });
 */
export function parentConditionUnmetErrorInfo(unmet: UnmetParent): ErrorInfo {
  return [
    {
      code: 'PARENT_CONDITION_UNMET',
      key: 'hangar.error.parentConditionUnmet',
      params: { parentId: unmet.parentId, state: unmet.state, condition: unmet.condition },
      severity: 'error',
    },
  ];
}

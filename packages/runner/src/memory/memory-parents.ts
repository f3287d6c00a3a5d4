import {
  type ErrorInfo,
  isTerminalState,
  type JobRecord,
  type ParentDependency,
  parentConditionHolds,
} from '@hangar/core';
import { parentConditionUnmetErrorInfo } from '@hangar/core/adapter';
import type { MemoryStore } from './memory-store.js';

/** What the end of a parent does to the children that wait on it. */
export interface ChildrenSettled {
  /** Children for which it was the last parent: they run now. */
  released: JobRecord[];
  /** Children whose condition its ending broke, each with the error naming it. */
  cancelled: Array<{ child: JobRecord; errorInfo: ErrorInfo }>;
}

/** Records that the Awaiting `child` waits on each of `parents` that has not ended, `pending` in all. */
export function awaitParents(
  store: MemoryStore,
  child: JobRecord,
  parents: readonly ParentDependency[],
  pending: number,
): void {
  store.pendingParents.set(child.id, pending);
  for (const parent of parents) {
    if (isTerminalState(store.jobs.get(parent.id)?.state ?? 'Succeeded')) continue;
    const set = store.children.get(parent.id) ?? new Set<string>();
    set.add(child.id);
    store.children.set(parent.id, set);
  }
}

/**
 * Takes the Awaiting children of `parent`, which has just ended in `state`, off its waits and
 * says which of them run and which never will; the caller moves them in the same step.
 */
export function settleChildren(store: MemoryStore, parent: JobRecord): ChildrenSettled {
  const settled: ChildrenSettled = { released: [], cancelled: [] };
  const children = store.children.get(parent.id);
  if (!children) return settled;
  store.children.delete(parent.id);
  for (const childId of children) {
    const child = store.jobs.get(childId);
    const dependency = child?.parents.find((p) => p.id === parent.id);
    if (child?.state !== 'Awaiting' || !dependency) continue;
    if (!parentConditionHolds(dependency.on, parent.state)) {
      const unmet = { parentId: parent.id, state: parent.state, condition: dependency.on };
      settled.cancelled.push({ child, errorInfo: parentConditionUnmetErrorInfo(unmet) });
      continue;
    }
    const pending = (store.pendingParents.get(child.id) ?? 1) - 1;
    if (pending > 0) {
      store.pendingParents.set(child.id, pending);
      continue;
    }
    store.pendingParents.delete(child.id);
    settled.released.push(child);
  }
  return settled;
}

/** Drops an Awaiting job from the waits of its parents (it is ending before they do). */
export function forgetWaiting(store: MemoryStore, job: JobRecord): void {
  store.pendingParents.delete(job.id);
  for (const parent of job.parents) store.children.get(parent.id)?.delete(job.id);
}

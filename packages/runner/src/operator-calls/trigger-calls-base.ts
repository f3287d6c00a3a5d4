import type {
  FinishedJobsPage,
  FinishedJobsQuery,
  TriggerCursor,
  TriggerRecord,
  TriggerStore,
} from '@hangar/core';

/**
 * Base of the runner's three adapters: serves the event-trigger calls (`TriggerStore`) through
 * `triggerStore`, which each adapter builds in a file of its own.
 */
export abstract class TriggerCallsBase implements TriggerStore {
  /** The adapter's implementation of the trigger calls. */
  protected abstract readonly triggerStore: TriggerStore;

  saveTrigger(trigger: TriggerRecord): Promise<void> {
    return this.triggerStore.saveTrigger(trigger);
  }

  getTrigger(name: string): Promise<TriggerRecord | undefined> {
    return this.triggerStore.getTrigger(name);
  }

  listTriggers(): Promise<TriggerRecord[]> {
    return this.triggerStore.listTriggers();
  }

  deleteTrigger(name: string): Promise<boolean> {
    return this.triggerStore.deleteTrigger(name);
  }

  advanceTrigger(
    name: string,
    expected: TriggerCursor,
    next: TriggerCursor,
    firedAt: Date | null,
  ): Promise<boolean> {
    return this.triggerStore.advanceTrigger(name, expected, next, firedAt);
  }

  listFinishedJobs(query: FinishedJobsQuery): Promise<FinishedJobsPage> {
    return this.triggerStore.listFinishedJobs(query);
  }
}

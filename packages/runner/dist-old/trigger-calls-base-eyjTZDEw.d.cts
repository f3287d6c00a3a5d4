import { TriggerStore, TriggerRecord, TriggerCursor, FinishedJobsQuery, FinishedJobsPage } from '@hangar/core';

/**
 * Base of the runner's three adapters: serves the event-trigger calls (`TriggerStore`) through
 * `triggerStore`, which each adapter builds in a file of its own.
 */
declare abstract class TriggerCallsBase implements TriggerStore {
    /** The adapter's implementation of the trigger calls. */
    protected abstract readonly triggerStore: TriggerStore;
    saveTrigger(trigger: TriggerRecord): Promise<void>;
    getTrigger(name: string): Promise<TriggerRecord | undefined>;
    listTriggers(): Promise<TriggerRecord[]>;
    deleteTrigger(name: string): Promise<boolean>;
    advanceTrigger(name: string, expected: TriggerCursor, next: TriggerCursor, firedAt: Date | null): Promise<boolean>;
    listFinishedJobs(query: FinishedJobsQuery): Promise<FinishedJobsPage>;
}

export { TriggerCallsBase as T };

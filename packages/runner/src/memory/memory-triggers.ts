import {
  type FinishedJobsPage,
  type FinishedJobsQuery,
  type JobRecord,
  sameTriggerCursor,
  type TriggerCursor,
  type TriggerRecord,
} from '@hangar/core';
import { checkFinishedJobsQuery } from '@hangar/core/adapter';
import type { MemoryStore } from './memory-store.js';
import { copyValue } from './value-copy.js';

const clone = copyValue;

/** Whether a finished job comes after a cursor: by finish time, then id. */
function isAfter(job: JobRecord, finishedAt: number, cursor: TriggerCursor): boolean {
  const at = cursor.at.getTime();
  if (finishedAt !== at) return finishedAt > at;
  return cursor.jobId !== undefined && job.id > cursor.jobId;
}

/** Event triggers of the in-memory queue (see `TriggerStore`). */
export class MemoryTriggers {
  constructor(private readonly store: MemoryStore) {}

  async saveTrigger(trigger: TriggerRecord): Promise<void> {
    this.store.triggers.set(trigger.name, clone(trigger));
  }

  async getTrigger(name: string): Promise<TriggerRecord | undefined> {
    const trigger = this.store.triggers.get(name);
    return trigger ? clone(trigger) : undefined;
  }

  async listTriggers(): Promise<TriggerRecord[]> {
    return [...this.store.triggers.values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(clone);
  }

  async deleteTrigger(name: string): Promise<boolean> {
    return this.store.triggers.delete(name);
  }

  async advanceTrigger(
    name: string,
    expected: TriggerCursor,
    next: TriggerCursor,
    firedAt: Date | null,
  ): Promise<boolean> {
    const trigger = this.store.triggers.get(name);
    if (!trigger || !sameTriggerCursor(trigger.cursor, expected)) return false;
    trigger.cursor = clone(next);
    if (firedAt) trigger.lastFiredAt = new Date(firedAt);
    return true;
  }

  async listFinishedJobs(query: FinishedJobsQuery): Promise<FinishedJobsPage> {
    const limit = checkFinishedJobsQuery(query);
    const upTo = Date.now() - query.settledMs;
    const types = new Set(query.types);
    const states = new Set(query.states);
    const found: Array<{ job: JobRecord; at: number }> = [];
    for (const job of this.store.jobs.values()) {
      if (!job.finishedAt || !states.has(job.state) || !types.has(job.type)) continue;
      if (query.customerId !== undefined && job.customerId !== query.customerId) continue;
      const at = job.finishedAt.getTime();
      if (at > upTo || !isAfter(job, at, query.after)) continue;
      found.push({ job, at });
    }
    found.sort((a, b) => a.at - b.at || (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0));
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return {
      jobs: page.map((f) => clone(f.job)),
      reached: last ? { at: new Date(last.at), jobId: last.job.id } : undefined,
      more: found.length > limit,
    };
  }
}

import {
  type EnqueueResult,
  type HangarEvents,
  type JobRecord,
  type Logger,
  type QueueAdapter,
  safeEmit,
  supportsTriggers,
  type TriggerEndState,
  type TriggerRecord,
  type TriggerStore,
  triggerMatches,
} from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';
import type { EnqueueCallOptions } from '../client/hangar-client.js';

/** What firing a trigger needs of a client (a `HangarClient` is one). */
export interface TriggerFiringClient {
  /** The queue holding the triggers and the jobs. */
  readonly queue: QueueAdapter;
  /** The job types this client can enqueue. */
  readonly registry: { has(type: string): boolean };
  /** Enqueues jobs with the client's parameter checks, all or none. */
  enqueueMany(
    jobs: ReadonlyArray<{ type: string; params: unknown; options?: EnqueueCallOptions }>,
  ): Promise<EnqueueResult[]>;
}

/** Settings of a runner's trigger firing. */
export interface TriggerFiringSettings {
  /** Owner name of the sweep locks (the runner's worker id). */
  owner: string;
  /** The sweep looks only at jobs that ended at least this long ago. */
  settleMs: number;
  /** Finished jobs looked at per adapter call. @defaultValue 500 */
  pageSize?: number;
  /** Pages per trigger and sweep, so one busy trigger does not hold the others back. @defaultValue 20 */
  maxPages?: number;
  /** How long a sweep lock lasts if its runner dies holding it. @defaultValue 60_000 */
  lockTtlMs?: number;
}

const DEFAULTS = { pageSize: 500, maxPages: 20, lockTtlMs: 60_000 } as const;

/** The idempotency key of the job a trigger enqueues for one ended job. */
export function triggeredJobKey(triggerName: string, eventJobId: string): string {
  return `trigger:${triggerName}:${eventJobId}`;
}

/**
 * Fires event triggers, each exactly once per matching job end however many runners are alive:
 * the job is enqueued under the idempotency key `trigger:<name>:<ended job id>` in the ended
 * job's customer, so every later attempt (another runner, the sweep, a retry after a crash)
 * gets the same job back.
 *
 * Two paths lead there. The runner that records an end fires at once (`onJobEnded`). The sweep
 * (`sweep`, every scheduler tick, one runner per trigger at a time under a lock) reads the jobs
 * that ended after the trigger's stored cursor, whoever ended them (an operator's cancel, lease
 * recovery, a runner that died before firing), fires the matching ones and moves the cursor on
 * with a compare-and-set.
 */
export class TriggerFiring {
  private readonly settings: Required<TriggerFiringSettings>;
  /** The triggers as of the last sweep: the fast path reads a trigger again only when one matches. */
  private known: TriggerRecord[] = [];
  private sweeping = false;

  constructor(
    private readonly client: TriggerFiringClient,
    private readonly events: EventEmitter<HangarEvents>,
    private readonly logger: Logger,
    settings: TriggerFiringSettings,
  ) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  /**
   * Whether the last sweep found any trigger: with none, a job's end has nothing to fire and
   * the runner skips `onJobEnded` (a copy of the record, a date and a promise per job).
   */
  get watching(): boolean {
    return this.known.length > 0;
  }

  private get store(): (QueueAdapter & TriggerStore) | undefined {
    const { queue } = this.client;
    return supportsTriggers(queue) ? queue : undefined;
  }

  /**
   * Fires the triggers matching a job this runner just ended; returns the ids of the jobs it
   * enqueued. A matching trigger is read again first, so a pause takes effect at once.
   */
  async onJobEnded(job: JobRecord, state: TriggerEndState, endedAt: Date = new Date()): Promise<string[]> {
    const ended: JobRecord = { ...job, state };
    const candidates = this.known.filter((t) => !t.paused && triggerMatches(t, ended));
    const store = this.store;
    if (candidates.length === 0 || !store) return [];
    const fired: string[] = [];
    try {
      for (const candidate of candidates) {
        const trigger = await store.getTrigger(candidate.name);
        if (!trigger || trigger.paused || !triggerMatches(trigger, ended)) continue;
        if (endedAt <= trigger.since) continue;
        fired.push(...(await this.fire(trigger, [ended])));
      }
    } catch (error) {
      // The sweep fires it later: nothing is lost but time.
      safeEmit(this.events, this.logger, 'worker:error', { error, context: 'event triggers' });
    }
    return fired;
  }

  /** Reads the triggers and sweeps each one; returns the ids of the jobs it enqueued. */
  async sweep(): Promise<string[]> {
    const store = this.store;
    if (this.sweeping || !store) return [];
    this.sweeping = true;
    const fired: string[] = [];
    try {
      this.known = await store.listTriggers();
      for (const trigger of this.known) {
        // A runner without the job type leaves the trigger to one that has it.
        if (trigger.paused || !this.client.registry.has(trigger.job.type)) continue;
        try {
          fired.push(...(await this.sweepOne(store, trigger)));
        } catch (error) {
          // One trigger that cannot fire (its job's parameters no longer valid) holds back no other.
          safeEmit(this.events, this.logger, 'worker:error', {
            error,
            context: `event trigger "${trigger.name}"`,
          });
        }
      }
    } catch (error) {
      safeEmit(this.events, this.logger, 'worker:error', { error, context: 'event triggers' });
    } finally {
      this.sweeping = false;
    }
    return fired;
  }

  private async sweepOne(store: QueueAdapter & TriggerStore, trigger: TriggerRecord): Promise<string[]> {
    const { owner, lockTtlMs, maxPages, pageSize, settleMs } = this.settings;
    const lock = `hangar:trigger:${trigger.name}`;
    if (!(await store.acquireLock(lock, owner, lockTtlMs))) return [];
    const fired: string[] = [];
    try {
      let cursor = trigger.cursor;
      for (let page = 0; page < maxPages; page++) {
        const found = await store.listFinishedJobs({
          after: cursor,
          settledMs: settleMs,
          types: [trigger.on.type],
          states: trigger.on.states,
          customerId: trigger.on.customerId,
          limit: pageSize,
        });
        if (!found.reached) break;
        const matching = found.jobs.filter((job) => triggerMatches(trigger, job));
        fired.push(...(await this.fire(trigger, matching)));
        // Moved on only after firing: a runner dying in between leaves the page to the next sweep.
        // The fast path may have fired them already; the sweep still records that it fired.
        const moved = await store.advanceTrigger(
          trigger.name,
          cursor,
          found.reached,
          matching.length > 0 ? new Date() : null,
        );
        if (!moved || !found.more) break; // paused, resumed or replaced meanwhile: read it again next time
        cursor = found.reached;
      }
    } finally {
      await store.releaseLock(lock, owner).catch(() => false);
    }
    return fired;
  }

  /** Enqueues the trigger's job once per ended job; returns the ids of the jobs created now. */
  private async fire(trigger: TriggerRecord, ended: readonly JobRecord[]): Promise<string[]> {
    if (ended.length === 0) return [];
    if (!this.client.registry.has(trigger.job.type)) return [];
    const results = await this.client.enqueueMany(
      ended.map((event) => ({
        type: trigger.job.type,
        params: trigger.job.params,
        options: {
          queue: trigger.job.queue,
          priority: trigger.job.priority,
          // The ended job's tenant is the authority: the triggered job is that customer's.
          customerId: event.customerId,
          idempotencyKey: triggeredJobKey(trigger.name, event.id),
          metadata: { trigger: trigger.name, triggerEvent: event.id },
        },
      })),
    );
    const created: string[] = [];
    results.forEach((result, i) => {
      if (!result.created) return;
      created.push(result.id);
      const eventJobId = ended[i]?.id ?? '';
      safeEmit(this.events, this.logger, 'trigger:fired', {
        name: trigger.name,
        jobId: result.id,
        eventJobId,
      });
    });
    return created;
  }
}

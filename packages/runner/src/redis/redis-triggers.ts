import type {
  FinishedJobsPage,
  FinishedJobsQuery,
  JobRecord,
  TriggerCursor,
  TriggerRecord,
} from '@hangar/core';
import { checkFinishedJobsQuery } from '@hangar/core/adapter';
import type { Redis } from 'ioredis';
import { decodeJob, type FlatHash } from './job-codec.js';
import type { RedisKeys } from './redis-keys.js';
import type { RedisScripts } from './redis-scripts.js';
import { decodeTrigger, encodeTrigger } from './trigger-codec.js';

/** Event triggers of the Redis queue (see `TriggerStore`): `P triggers` (names) and `P trigger:<name>` hashes. */
export class RedisTriggers {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly scripts: RedisScripts,
  ) {}

  private key(name: string): string {
    return `${this.keys.base}trigger:${name}`;
  }

  async saveTrigger(trigger: TriggerRecord): Promise<void> {
    const key = this.key(trigger.name);
    // MULTI: the hash is replaced as a whole, never read half-written
    await this.redis
      .multi()
      .del(key)
      .hset(key, encodeTrigger(trigger))
      .sadd(`${this.keys.base}triggers`, trigger.name)
      .exec();
  }

  async getTrigger(name: string): Promise<TriggerRecord | undefined> {
    return decodeTrigger(await this.redis.hgetall(this.key(name)));
  }

  async listTriggers(): Promise<TriggerRecord[]> {
    const names = await this.redis.smembers(`${this.keys.base}triggers`);
    if (names.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const name of names) pipeline.hgetall(this.key(name));
    const out: TriggerRecord[] = [];
    for (const [err, hash] of (await pipeline.exec()) ?? []) {
      if (err) throw err;
      const trigger = decodeTrigger(hash as Record<string, string>);
      if (trigger) out.push(trigger);
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async deleteTrigger(name: string): Promise<boolean> {
    const replies = await this.redis
      .multi()
      .del(this.key(name))
      .srem(`${this.keys.base}triggers`, name)
      .exec();
    return replies?.[0]?.[1] === 1;
  }

  async advanceTrigger(
    name: string,
    expected: TriggerCursor,
    next: TriggerCursor,
    firedAt: Date | null,
  ): Promise<boolean> {
    const reply = await this.scripts.advanceTrigger(
      name,
      String(expected.at.getTime()),
      expected.jobId ?? '',
      String(next.at.getTime()),
      next.jobId ?? '',
      firedAt ? String(firedAt.getTime()) : '',
    );
    return reply === 1;
  }

  async listFinishedJobs(query: FinishedJobsQuery): Promise<FinishedJobsPage> {
    const limit = checkFinishedJobsQuery(query);
    const reply = (await this.scripts.finishedJobs(
      String(query.after.at.getTime()),
      query.after.jobId ?? '',
      query.settledMs,
      limit,
      query.customerId === undefined ? '0' : '1',
      query.customerId ?? '',
      query.types.length,
      [...query.types],
      [...query.states],
    )) as [string, string, number, ...Array<string | FlatHash>];
    const [reachedAt, reachedId, more, ...items] = reply;
    const jobs: JobRecord[] = [];
    for (let i = 0; i + 1 < items.length; i += 2) {
      const job = decodeJob(items[i + 1] as FlatHash, items[i] as string);
      if (job) jobs.push(job);
    }
    return {
      jobs,
      reached: reachedAt === '' ? undefined : { at: new Date(Number(reachedAt)), jobId: reachedId },
      more: more === 1,
    };
  }
}

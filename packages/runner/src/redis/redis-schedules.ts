import type { ScheduleRecord } from '@hangar/core';
import type { Redis } from 'ioredis';
import type { ScheduleCalls } from '../operator-calls/schedule-calls-base.js';
import type { RedisKeys } from './redis-keys.js';
import type { RedisScripts } from './redis-scripts.js';
import { decodeSchedule, encodeSchedule } from './schedule-codec.js';

/** Cron schedules of the Redis queue: `P schedules` (names) and `P schedule:<name>` hashes. */
export class RedisSchedules implements ScheduleCalls {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly scripts: RedisScripts,
  ) {}

  async saveSchedule(schedule: ScheduleRecord): Promise<void> {
    const key = this.keys.schedule(schedule.name);
    // MULTI: the hash is replaced as a whole, never read half-written
    await this.redis
      .multi()
      .del(key)
      .hset(key, encodeSchedule(schedule))
      .sadd(this.keys.schedules(), schedule.name)
      .exec();
  }

  async getSchedule(name: string): Promise<ScheduleRecord | undefined> {
    return decodeSchedule(await this.redis.hgetall(this.keys.schedule(name)));
  }

  async listSchedules(): Promise<ScheduleRecord[]> {
    const names = (await this.redis.smembers(this.keys.schedules())).sort();
    if (names.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const name of names) pipeline.hgetall(this.keys.schedule(name));
    const replies = (await pipeline.exec()) ?? [];
    const out: ScheduleRecord[] = [];
    for (const [err, hash] of replies) {
      if (err) throw err;
      const schedule = decodeSchedule(hash as Record<string, string>);
      if (schedule) out.push(schedule);
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async deleteSchedule(name: string): Promise<boolean> {
    const replies = await this.redis
      .multi()
      .del(this.keys.schedule(name))
      .srem(this.keys.schedules(), name)
      .exec();
    return replies?.[0]?.[1] === 1;
  }

  async advanceSchedule(name: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean> {
    const nextArg = next === null ? '' : String(next.getTime());
    const reply = await this.scripts.advanceSchedule(
      name,
      String(expected.getTime()),
      nextArg,
      String(firedAt.getTime()),
    );
    return reply === 1;
  }
}

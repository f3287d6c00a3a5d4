import type { QueueDepth, RunnerInfo, RunnerRecord } from '@hangar/core';
import { checkPositiveInteger } from '@hangar/core/adapter';
import type { Redis } from 'ioredis';
import type { RedisScripts } from './redis-scripts.js';

interface StoredRunner {
  seenAt: number;
  info: { host: string; pid: number; queues: Record<string, number>; types: string[]; startedAt: string };
}

/** `<len>:<text>:<rest>` → [text, rest], as the ready groups and park keys are built; undefined otherwise. */
function lengthPrefixed(value: string): [string, string] | undefined {
  const colon = value.indexOf(':');
  const length = Number(value.slice(0, colon));
  if (colon < 1 || !Number.isInteger(length)) return undefined;
  const text = value.slice(colon + 1, colon + 1 + length);
  if (value[colon + 1 + length] !== ':') return undefined;
  return [text, value.slice(colon + 2 + length)];
}

/** The queue of a ready or park zset key (relative to the prefix), or undefined for another key. */
function queueOfKey(relative: string): string | undefined {
  if (relative.startsWith('ready:')) return lengthPrefixed(relative.slice('ready:'.length))?.[0];
  if (relative.startsWith('kpark:') || relative.startsWith('cpark:')) {
    const group = lengthPrefixed(relative.slice('kpark:'.length))?.[1];
    return group === undefined ? undefined : lengthPrefixed(group)?.[0];
  }
  return undefined;
}

/** Runner advertisements and queue depths on Redis. */
export class RedisRunners {
  constructor(
    private readonly redis: Redis,
    private readonly scripts: RedisScripts,
    private readonly base: string,
  ) {}

  /** Stores or refreshes an advertisement until `ttlMs` from now (Redis' clock). */
  async advertise(info: RunnerInfo, ttlMs: number): Promise<void> {
    const ttl = Math.ceil(ttlMs);
    checkPositiveInteger('ttlMs', ttl);
    const { id, host, pid, queues, types, startedAt } = info;
    const json = JSON.stringify({ host, pid, queues, types, startedAt: startedAt.toISOString() });
    await this.scripts.advertiseRunner(id, json, ttl);
  }

  /** Removes an advertisement. */
  async withdraw(id: string): Promise<void> {
    await this.redis.multi().zrem(`${this.base}runners:exp`, id).hdel(`${this.base}runners`, id).exec();
  }

  /** The advertisements that have not lapsed, by id. */
  async list(): Promise<RunnerRecord[]> {
    const reply = (await this.scripts.listRunners()) as string[];
    const records: RunnerRecord[] = [];
    for (let i = 0; i + 2 < reply.length; i += 3) {
      const stored = JSON.parse(reply[i + 2] as string) as StoredRunner;
      records.push({
        id: reply[i] as string,
        ...stored.info,
        startedAt: new Date(stored.info.startedAt),
        seenAt: new Date(stored.seenAt),
        expiresAt: new Date(Number(reply[i + 1])),
      });
    }
    return records.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }

  /**
   * Enqueued jobs per queue: the sizes and oldest entries of the ready zsets and of the park
   * zsets (Enqueued jobs set aside behind a concurrency key or customer limit), found with SCAN,
   * so the cost grows with the number of queues, job types and distinct priorities, not of jobs.
   */
  async queueDepths(): Promise<QueueDepth[]> {
    const depths = new Map<string, QueueDepth>();
    for (const pattern of ['ready:*', 'kpark:*', 'cpark:*']) {
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.base}${pattern}`, 'COUNT', 1000);
        cursor = next;
        const relative = keys.map((key) => key.slice(this.base.length));
        const reply =
          relative.length > 0 ? ((await this.scripts.queueDepths(relative)) as Array<number | string>) : [];
        relative.forEach((key, i) => {
          const queue = queueOfKey(key);
          const size = Number(reply[2 * i] ?? 0);
          const oldest = String(reply[2 * i + 1] ?? '');
          if (queue === undefined || size === 0 || oldest === '') return;
          const runAt = new Date(Number(oldest));
          const depth = depths.get(queue);
          if (!depth) depths.set(queue, { queue, waiting: size, oldestRunAt: runAt });
          else {
            depth.waiting += size;
            if (runAt < depth.oldestRunAt) depth.oldestRunAt = runAt;
          }
        });
      } while (cursor !== '0');
    }
    return [...depths.values()].sort((x, y) => (x.queue < y.queue ? -1 : x.queue > y.queue ? 1 : 0));
  }
}

import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { closeConnection } from './connection.js';
import type { RedisQueueOptions } from './options.js';
import { checkInvariants } from './redis-invariants.js';
import type { RedisQueue } from './redis-queue.js';
import { redisSkipReason, testNamespace, testRedisUrl } from './redis-test-support.js';

/** Why the Redis tests of a file are skipped (printed), or undefined; under CI=true a reason throws. */
export async function redisTestSkip(what: string): Promise<string | undefined> {
  const skip = await redisSkipReason();
  if (skip && process.env.CI === 'true') throw new Error(`Redis is required in CI: ${skip}`);
  if (skip) console.warn(`[skipped] ${what}: ${skip}`);
  return skip;
}

/** Per-test access to a fresh namespace, its first queue and an admin connection. */
export interface RedisTestScope {
  /** Opens a fresh namespace (random prefix, unique connection name) and its first queue. */
  setup(options?: Omit<RedisQueueOptions, 'prefix'>): Promise<RedisQueue>;
  /** The current namespace. */
  readonly ns: ReturnType<typeof testNamespace>;
  /** The first queue of the current namespace. */
  readonly q: RedisQueue;
  /** A connection for inspecting and tampering with keys. */
  readonly admin: Redis;
}

/**
 * Registers hooks that give each test its own namespace, check the invariants after it and
 * delete its keys.
 */
export function useRedisTestScope(): RedisTestScope {
  let ns: ReturnType<typeof testNamespace> | undefined;
  let q: RedisQueue | undefined;
  let admin: Redis | undefined;
  beforeAll(() => {
    admin = new Redis(testRedisUrl(), { connectionName: 'hangar-test-admin' });
  });
  afterAll(async () => {
    if (admin) await closeConnection(admin);
  });
  afterEach(async () => {
    const current = ns;
    ns = undefined;
    q = undefined;
    if (!current || !admin) return;
    try {
      expect(await checkInvariants(admin, current.prefix)).toEqual([]);
    } finally {
      await current.teardown();
    }
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`call setup() before using ${what}`);
    return value;
  };
  return {
    async setup(options = {}) {
      ns = testNamespace({ connectionName: `t-${Math.random().toString(36).slice(2, 10)}`, ...options });
      q = await ns.create();
      return q;
    },
    get ns() {
      return need(ns, 'ns');
    },
    get q() {
      return need(q, 'q');
    },
    get admin() {
      return need(admin, 'admin');
    },
  };
}

/** Kills the connections named `name` and waits until one is back with a subscription. */
export async function killAndAwaitResubscribe(admin: Redis, name: string): Promise<void> {
  const clients = async () =>
    ((await admin.client('LIST')) as string).split('\n').filter((line) => line.includes(` name=${name} `));
  const before = await clients();
  expect(before.length).toBeGreaterThan(0);
  await killClients(admin, name);
  const oldIds = new Set(before.map((line) => /id=(\d+)/.exec(line)?.[1]));
  await vi.waitFor(
    async () => {
      const back = (await clients()).filter(
        (line) => !oldIds.has(/id=(\d+)/.exec(line)?.[1]) && / sub=[1-9]/.test(line),
      );
      expect(back.length).toBeGreaterThan(0);
    },
    { timeout: 5000, interval: 20 },
  );
}

/** Kills every connection named `name` (CLIENT KILL ID), without waiting for reconnection. */
export async function killClients(admin: Redis, name: string): Promise<void> {
  const lines = ((await admin.client('LIST')) as string)
    .split('\n')
    .filter((l) => l.includes(` name=${name} `));
  for (const line of lines) await admin.client('KILL', 'ID', /id=(\d+)/.exec(line)?.[1] ?? '0');
}

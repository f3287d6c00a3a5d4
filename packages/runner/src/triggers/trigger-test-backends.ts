import type { QueueAdapter } from '@hangar/core';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { MemoryQueue } from '../memory/memory-queue.js';
import { MemoryStore } from '../memory/memory-store.js';
import { postgresTestScope } from '../postgres/postgres-test-scope.js';
import { redisTestSkip } from '../redis/redis-test-harness.js';
import { testNamespace } from '../redis/redis-test-support.js';

/** One backend of the trigger tests: each `open()` is another connection to the same store. */
export interface TriggerTestBackend {
  /** A new adapter on the current test's store (closed after the test). */
  open(): Promise<QueueAdapter>;
}

/** A fresh in-memory store per test; every queue opened shares it, like runners sharing a database. */
export function memoryBackend(): TriggerTestBackend {
  let store = new MemoryStore();
  beforeEach(() => {
    store = new MemoryStore();
  });
  return { open: async () => new MemoryQueue({ store }) };
}

/** A fresh PostgreSQL schema per test (skipped with a reason without a server; failed in CI). */
export function postgresBackend(): TriggerTestBackend {
  const scope = postgresTestScope();
  return { open: () => scope.open() };
}

/** A fresh Redis key prefix per test (skipped with a reason without a server; failed in CI). */
export function redisBackend(): TriggerTestBackend {
  let skip: string | undefined;
  let ns: ReturnType<typeof testNamespace> | undefined;
  beforeAll(async () => {
    skip = await redisTestSkip('event trigger tests');
  });
  beforeEach((test) => {
    if (skip) test.skip();
    ns = testNamespace();
  });
  afterEach(async () => {
    await ns?.teardown();
    ns = undefined;
  });
  return {
    open: () => {
      if (!ns) throw new Error('no Redis namespace: open() runs inside a test');
      return ns.create();
    },
  };
}

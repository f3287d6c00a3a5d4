import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { PostgresQueueOptions } from './options.js';
import { PostgresQueue } from './postgres-queue.js';
import { dropSchema, postgresSkipReason, randomSchema, TEST_PG_URL } from './test-database.js';

/** What {@link postgresTestScope} gives the tests of a describe block. */
export interface PostgresTestScope {
  /** The current test's own schema. */
  readonly schema: string;
  /** Opens a queue on the current test's schema; closed after the test. */
  open(extra?: Partial<PostgresQueueOptions>): Promise<PostgresQueue>;
  /** Closes these queues, made by the test itself, after the test. */
  track(...queues: PostgresQueue[]): void;
}

/**
 * Registers the hooks of a describe block whose tests each get a fresh schema: skipped with a
 * reason without a reachable server (failed under `CI=true`), every queue opened closed and the
 * schema dropped after each test.
 */
export function postgresTestScope(): PostgresTestScope {
  let skip: string | undefined;
  let schema = '';
  let opened: PostgresQueue[] = [];
  beforeAll(async () => {
    skip = await postgresSkipReason();
    if (skip && process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI: ${skip}`);
    if (skip) console.warn(`Skipping PostgreSQL tests: ${skip}`);
  });
  beforeEach((test) => {
    if (skip) test.skip();
    schema = randomSchema();
  });
  afterEach(async () => {
    await Promise.all(opened.map((q) => q.close()));
    opened = [];
    if (!skip) await dropSchema(schema);
  });
  return {
    get schema() {
      return schema;
    },
    async open(extra = {}) {
      const queue = await PostgresQueue.connect({
        connectionString: TEST_PG_URL,
        schema,
        poolSize: 4,
        ...extra,
      });
      opened.push(queue);
      return queue;
    },
    track(...queues) {
      opened.push(...queues);
    },
  };
}

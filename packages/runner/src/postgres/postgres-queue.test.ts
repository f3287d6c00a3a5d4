import { queueAdapterContract } from '@hangar/core/testing';
import { PostgresQueue } from './postgres-queue.js';
import { dropSchema, postgresSkipReason, randomSchema, TEST_PG_URL } from './test-database.js';

queueAdapterContract({
  name: 'postgres',
  skipReason: postgresSkipReason,
  async setup() {
    const schema = randomSchema();
    return {
      create: () => PostgresQueue.connect({ connectionString: TEST_PG_URL, schema, poolSize: 4 }),
      teardown: () => dropSchema(schema),
    };
  },
});

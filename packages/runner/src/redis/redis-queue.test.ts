import { queueAdapterContract } from '@hangar/core/testing';
import { Redis } from 'ioredis';
import { closeConnection } from './connection.js';
import { checkInvariants } from './redis-invariants.js';
import { redisSkipReason, testNamespace } from './redis-test-support.js';

for (const [name, functions] of [
  ['redis', true],
  ['redis (EVALSHA, as on servers without functions)', false],
] as const) {
  queueAdapterContract({
    countsJobs: true,
    name,
    storesTriggers: true,
    skipReason: redisSkipReason,
    async setup() {
      const ns = testNamespace({ functions });
      return {
        create: ns.create,
        async teardown() {
          // every contract test also proves the indexes still agree with the job records
          const admin = new Redis(ns.url);
          try {
            const problems = await checkInvariants(admin, ns.prefix, { counts: true });
            if (problems.length > 0) throw new Error(`Inconsistent Redis state:\n${problems.join('\n')}`);
          } finally {
            await closeConnection(admin);
            await ns.teardown();
          }
        },
      };
    },
  });
}

import type { Redis } from 'ioredis';
import type { OperatorCalls } from '../operator-calls/operator-calls.js';
import { deleteRedisJob, retryRedisJob } from './hand-changes.js';
import type { RedisScripts } from './redis-scripts.js';
import { RedisRunners } from './runner-records.js';

/** The operator calls of the Redis adapter, on its connection and scripts. */
export function redisOperatorCalls(redis: Redis, scripts: RedisScripts, base: string): OperatorCalls {
  const runners = new RedisRunners(redis, scripts, base);
  return {
    retryJob: (jobId, request) => retryRedisJob(scripts, jobId, request),
    deleteJob: (jobId, options) => deleteRedisJob(scripts, jobId, options?.customerId),
    advertiseRunner: (info, ttlMs) => runners.advertise(info, ttlMs),
    withdrawRunner: (id) => runners.withdraw(id),
    listRunners: () => runners.list(),
    queueDepths: () => runners.queueDepths(),
  };
}

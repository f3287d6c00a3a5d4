import type { DeleteOutcome, JobState, RetryOutcome, RetryRequest } from '@hangar/core';
import { checkRetryRequest } from '@hangar/core/adapter';
import { decodeJob } from './job-codec.js';
import type { RedisScripts } from './redis-scripts.js';

const customerArgs = (customerId: string | undefined) =>
  customerId === undefined ? ['0', ''] : ['1', customerId];

/** `QueueAdapter.retryJob` on Redis: one script call, whose reply carries the job as retried. */
export async function retryRedisJob(
  scripts: RedisScripts,
  jobId: string,
  request: RetryRequest,
): Promise<RetryOutcome> {
  checkRetryRequest(request);
  const reply = (await scripts.retryJob(
    jobId,
    ...customerArgs(request.customerId),
    request.attempts,
  )) as string[];
  const [outcome, ...rest] = reply;
  if (outcome === 'not-retryable') return { outcome, state: rest[0] as JobState };
  const job = outcome === 'retried' ? decodeJob(rest, jobId) : undefined;
  return job ? { outcome: 'retried', job } : { outcome: 'not-found' };
}

/** `QueueAdapter.deleteJob` on Redis. */
export async function deleteRedisJob(
  scripts: RedisScripts,
  jobId: string,
  customerId: string | undefined,
): Promise<DeleteOutcome> {
  return (await scripts.deleteJob(jobId, ...customerArgs(customerId))) as DeleteOutcome;
}

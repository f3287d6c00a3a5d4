/**
 * The adapter kit: what a `QueueAdapter` needs besides the contract, so that every backend
 * (the runner's memory, PostgreSQL and Redis queues, and third-party ones) refuses the same input
 * with the same errors and builds the same records. Test an adapter with `queueAdapterContract`
 * from `@hangar/core/testing`.
 *
 * @example
 * import { checkEnqueueRequests, newJobRecord, refuseTransaction } from '@hangar/core/adapter';
 *
 * async enqueueMany(requests, options) {
 *   refuseTransaction(options, 'the file queue');
 *   checkEnqueueRequests(requests); // before anything of the batch is stored
 *   // …store, then build each result's record with newJobRecord(request, facts)
 * }
 *
 * @packageDocumentation
 */
export { CallBatcher, type CallBatcherOptions } from './batching/call-batcher.js';
export { checkClaimRequest, checkPositiveInteger } from './input-checks/claim-request-check.js';
export {
  checkEnqueueRequests,
  isStorableAttempts,
  isStorableTimeout,
  MAX_INT32,
  MAX_PARENTS,
} from './input-checks/enqueue-request-check.js';
export { checkFinishedJobsQuery, MAX_FINISHED_PAGE } from './input-checks/finished-jobs-query-check.js';
export { DEFAULT_PAGE_SIZE, listPageSize, MAX_PAGE_SIZE } from './input-checks/list-page-size.js';
export { lockTtlMs } from './input-checks/lock-ttl.js';
export { checkRetentionPolicy, DEFAULT_CLEANUP_BATCH } from './input-checks/retention-policy-check.js';
export { checkRetryRequest, MAX_ATTEMPTS_CAP } from './input-checks/retry-request-check.js';
export {
  findUnstorableText,
  type UnstorableText,
  unstorableTextProblem,
} from './input-checks/storable-text.js';
export { refuseTransaction } from './input-checks/transaction-check.js';
export { jobHasLabels } from './job-records/job-has-labels.js';
export { type NewJobFacts, newJobRecord } from './job-records/new-job-record.js';
export {
  type ParentGate,
  parentConditionUnmetErrorInfo,
  parentGate,
  type UnmetParent,
} from './parents/parent-gate.js';
export { requestParents } from './parents/request-parents.js';

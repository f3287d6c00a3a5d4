import type { EnqueueResult, JobRecord, JobResult } from '@hangar/core';

declare const resultType: unique symbol;

/**
 * The id of an enqueued job that remembers, at compile time only, the type of the job's result,
 * so that `client.waitFor(id)` returns a record whose `result.result` has that type. At run time
 * it is the plain string id: it can be stored, sent and compared like any id.
 */
export type JobId<R = unknown> = string & { readonly [resultType]?: R };

/** A job record whose result is typed as the job type's result. */
export type JobRecordOf<R> = Omit<JobRecord, 'result'> & {
  /** Result, once finished; `result.result` is what the job's `execute` returned (as JSON). */
  result: JobResult<R> | undefined;
};

/** What `client.enqueue(definition, …)` returns: the id and record, typed by the job's result. */
export type TypedEnqueueResult<R> = Omit<EnqueueResult, 'id' | 'job'> & {
  /** The job's id (the existing job's id when the idempotency key matched). */
  id: JobId<R>;
  /** The job as stored. */
  job: JobRecordOf<R>;
};

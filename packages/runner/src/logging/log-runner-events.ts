import type { HangarEvents, Logger } from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';

/**
 * Logs what an operator must hear about without listening to events: a job that failed for good
 * and a worker error at `warn`, an attempt that will be retried and jobs handed back from dead
 * workers at `info`. Returns the unsubscribe function.
 */
export function logRunnerEvents(events: EventEmitter<HangarEvents>, logger: Logger): () => void {
  const onFailed: HangarEvents['job:failed'] = ({ job, errorInfo }) =>
    logger.warn(
      { jobId: job.id, type: job.type, attempts: job.attempts, code: errorInfo[0]?.code },
      'Job failed',
    );
  const onRetrying: HangarEvents['job:retrying'] = ({ job, attempt, delayMs, errorInfo }) =>
    logger.info(
      { jobId: job.id, type: job.type, attempt, delayMs, code: errorInfo[0]?.code },
      'Job attempt failed; retrying',
    );
  const onRecovered: HangarEvents['job:recovered'] = ({ jobIds }) =>
    logger.info({ jobIds }, 'Jobs of a stopped worker handed back to the queue');
  const onWorkerError: HangarEvents['worker:error'] = ({ error, context }) =>
    logger.warn({ err: error, context }, 'Worker error');
  events.on('job:failed', onFailed);
  events.on('job:retrying', onRetrying);
  events.on('job:recovered', onRecovered);
  events.on('worker:error', onWorkerError);
  return () => {
    events.off('job:failed', onFailed);
    events.off('job:retrying', onRetrying);
    events.off('job:recovered', onRecovered);
    events.off('worker:error', onWorkerError);
  };
}

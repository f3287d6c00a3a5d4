import { HangarError } from './hangar-error.js';

/**
 * The worker thread of an isolated job ended before the job did (`process.exit`, a crash of
 * native code, running out of memory); the attempt fails, the runner goes on.
 */
export class JobThreadExitedError extends HangarError {
  constructor(jobId: string, exitCode: number) {
    super(
      'JOB_THREAD_EXITED',
      'hangar.error.threadExited',
      `The worker thread of job ${jobId} exited with code ${exitCode} before the job ended`,
      { params: { jobId, exitCode } },
    );
  }
}

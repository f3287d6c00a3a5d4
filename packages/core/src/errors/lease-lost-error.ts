import { HangarError } from './hangar-error.js';

/** The worker's lease on a job expired and the job was handed to another worker. */
export class LeaseLostError extends HangarError {
  constructor(jobId: string, workerId: string) {
    super('LEASE_LOST', 'hangar.error.leaseLost', `Worker ${workerId} lost its lease on job ${jobId}`, {
      params: { jobId, workerId },
    });
  }
}

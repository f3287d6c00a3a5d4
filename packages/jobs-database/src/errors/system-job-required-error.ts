import { ConsoError } from './conso-error.js';

/**
 * The job works on the whole database (or on a whole customer), so only a system job may run it;
 * a customer's run is refused before anything is read or written.
 */
export class SystemJobRequiredError extends ConsoError {
  constructor(type: string, tenant: string) {
    super(
      'SYSTEM_JOB_REQUIRED',
      'conso.error.systemJobRequired',
      `Job ${type} runs only as a system job; customer ${tenant} may not run it`,
      { type, tenant },
    );
  }
}

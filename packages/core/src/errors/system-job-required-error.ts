import { HangarError } from './hangar-error.js';

/**
 * A customer's job asked for work that acts on the whole system (every customer's data, the
 * queue's retention, the server's processes or indexes), which only a system job (no tenant) may
 * do unless the operator opened it to that customer. Refused before the job reads or changes
 * anything; never retried, the same run fails the same way.
 */
export class SystemJobRequiredError extends HangarError {
  /** What was refused: the job type, with the parameter that made it system-wide when there is one. */
  readonly what: string;
  /** The job's tenant. */
  readonly tenant: string;

  constructor(what: string, tenant: string) {
    super(
      'SYSTEM_JOB_REQUIRED',
      'hangar.error.systemJobRequired',
      `${what} runs only as a system job; customer ${tenant} may not run it`,
      { params: { what, tenant }, retryable: false },
    );
    this.what = what;
    this.tenant = tenant;
  }
}

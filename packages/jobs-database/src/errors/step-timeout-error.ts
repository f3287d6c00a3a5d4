import { ConsoError } from './conso-error.js';

/** A step's statement ran longer than the statement time limit; the conso was rolled back. */
export class StepTimeoutError extends ConsoError {
  /**
   * @param stepKey message key of the step (`conso.step.bundles`), rendered in the reader's language
   * @param conso the conso's code
   * @param limitMs the limit that fired
   */
  constructor(stepKey: string, conso: string, limitMs: number, cause?: unknown) {
    super(
      'STEP_TIMEOUT',
      'conso.error.stepTimeout',
      `Step ${stepKey} of conso ${conso} ran longer than the statement time limit of ${limitMs} ms`,
      { step: stepKey, conso, limitMs },
      cause,
    );
  }
}

import { ConsoError } from './conso-error.js';

/** A value given to a custom procedure does not fit its definition; names the value and the problem. */
export class CustomProcedureParamError extends ConsoError {
  constructor(param: string, procedure: string, problem: string) {
    super(
      'CUSTOM_PROCEDURE_PARAM_INVALID',
      'conso.error.customProcedureParam',
      `Parameter "${param}" of procedure ${procedure}: ${problem}`,
      { param, procedure, problem },
    );
  }
}

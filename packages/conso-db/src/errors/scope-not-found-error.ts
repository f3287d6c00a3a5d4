import { HangarError } from '@hangar/core';

/** What kind of row a job parameter named. */
export type ScopeKind =
  | 'customer'
  | 'conso'
  | 'company'
  | 'period'
  | 'category'
  | 'account'
  | 'flow'
  | 'profile'
  | 'rule'
  | 'procedure';

/**
 * A parameter names a row that the job's customer does not have. A code is only ever looked up
 * within the tenant, so another customer's row with the same code is never found, nor revealed.
 */
export class ScopeNotFoundError extends HangarError {
  /** The parameter, e.g. `consos.0`. */
  readonly param: string;

  constructor(kind: ScopeKind, param: string, value: string | number) {
    super(
      'SCOPE_NOT_FOUND',
      'hangar.consoDb.error.scopeNotFound',
      `Parameter "${param}": no ${kind} ${JSON.stringify(value)} for this customer`,
      { params: { kind, param, value: String(value) }, retryable: false },
    );
    this.param = param;
  }
}

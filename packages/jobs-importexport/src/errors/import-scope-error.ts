import { HangarError } from '@hangar/core';

/** What kind of scope item a job parameter named. */
export type ScopeKind = 'customer' | 'period' | 'category' | 'conso' | 'company' | 'profile';

/** A job parameter names a customer, period, category, conso, company or profile that does not exist. */
export class ImportScopeError extends HangarError {
  constructor(kind: ScopeKind, code: string) {
    super('IMPORTEXPORT_UNKNOWN_SCOPE', 'importexport.error.unknownScope', `Unknown ${kind} "${code}"`, {
      params: { kind, code },
      retryable: false,
    });
  }
}

import { HangarError } from '@hangar/core';

/**
 * A system job (one without a tenant) must say which customer it works on: there is no tenant to
 * default to, and a code such as `202312ACT001` may exist in several customers.
 */
export class ScopeCustomerRequiredError extends HangarError {
  constructor(param: string) {
    super(
      'SCOPE_CUSTOMER_REQUIRED',
      'hangar.consoDb.error.customerRequired',
      `A job without a customer must name one in parameter "${param}"`,
      { params: { param }, retryable: false },
    );
  }
}

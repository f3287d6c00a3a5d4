import { HangarError } from '@hangar/core';

/** The customer is being deleted: no job may work on its data until the deletion has finished. */
export class CustomerBeingDeletedError extends HangarError {
  constructor(customer: string, since: string) {
    super(
      'CUSTOMER_BEING_DELETED',
      'hangar.consoDb.error.customerBeingDeleted',
      `Customer ${customer} is being deleted (since ${since})`,
      { params: { customer, since }, retryable: false },
    );
  }
}

import { HangarError } from '@hangar/core';

/**
 * A customer's job tried to change a table all customers share (translations, currencies). Only
 * system jobs, enqueued by the host application or an API admin without a customer, may.
 */
export class SharedDataWriteError extends HangarError {
  constructor(table: string, tenant: string) {
    super(
      'TENANT_SHARED_WRITE',
      'hangar.consoDb.error.sharedWrite',
      `Table ${table} is shared by all customers; a job of customer ${tenant} may not change it`,
      { params: { table, tenant }, retryable: false },
    );
  }
}

import { HangarError } from '@hangar/core';

/** The job's tenant names no customer of the consolidation database (tenants are customer codes). */
export class TenantUnknownError extends HangarError {
  constructor(tenant: string) {
    super(
      'TENANT_UNKNOWN',
      'hangar.consoDb.error.tenantUnknown',
      `The job's tenant "${tenant}" is not a customer code of the consolidation database`,
      { params: { tenant }, retryable: false },
    );
  }
}

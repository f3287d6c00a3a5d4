import { HangarError } from './hangar-error.js';

/**
 * A job's parameter names data of another customer than the job's tenant. The job's tenant
 * (`ctx.customerId`) is the authority: whatever the params say, a customer's job never reads or
 * writes another customer's rows, so the job is refused before it touches anything. Never
 * retried: the same params fail the same way.
 */
export class TenantMismatchError extends HangarError {
  /** The parameter that named the foreign data, e.g. `customer`, `consos.1`. */
  readonly param: string;

  constructor(param: string, value: string | number, tenant: string) {
    super(
      'TENANT_MISMATCH',
      'hangar.error.tenantMismatch',
      `Parameter "${param}" (${String(value)}) names data outside customer ${tenant}, the job's tenant`,
      { params: { param, value: String(value), tenant }, retryable: false },
    );
    this.param = param;
  }
}

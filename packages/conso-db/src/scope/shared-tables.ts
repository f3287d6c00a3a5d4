import { SharedDataWriteError } from '../errors/shared-data-write-error.js';

/**
 * Tables without a customer column: one copy for every customer. Any job may read them; only a
 * system job (enqueued without a customer, by the host application or an API admin) may change
 * them, because a change shows in every customer's data.
 */
export const SHARED_TABLES = ['currencies', 'translations'] as const;

/** Throws `SharedDataWriteError` when a customer's job (one with a tenant) would change a shared table. */
export function assertMayWriteShared(tenant: string | undefined, table: string): void {
  if (tenant !== undefined) throw new SharedDataWriteError(table, tenant);
}

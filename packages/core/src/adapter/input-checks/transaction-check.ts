import { ConfigurationError } from '../../errors/configuration-error.js';
import type { EnqueueOptions } from '../../queue/queue-adapter.js';

/**
 * Throws `ConfigurationError` naming `transaction` when an adapter that cannot join a caller's
 * transaction is handed one. Ignoring it would store the job even if the caller's transaction
 * rolls back, which is the one thing a transactional enqueue promises not to do.
 *
 * @example
 * refuseTransaction(options, 'the Redis queue'); // at the top of enqueueMany
 */
export function refuseTransaction(options: EnqueueOptions | undefined, adapter: string): void {
  if (options?.transaction === undefined) return;
  throw new ConfigurationError(
    'transaction',
    `${adapter} cannot join a caller transaction; enqueue after your commit instead`,
  );
}

import { ConfigurationError } from '@hangar/core';
import { isSqlClient, type SqlClient } from './sql-client.js';

/**
 * The caller's transaction client from `EnqueueOptions.transaction`, which the contract types
 * as `unknown`; anything that cannot run queries is a `ConfigurationError`.
 */
export function transactionClient(transaction: unknown): SqlClient | undefined {
  if (transaction === undefined) return undefined;
  if (isSqlClient(transaction)) return transaction;
  throw new ConfigurationError(
    'transaction',
    'must be the pg.Client or pg.PoolClient of an open transaction (an object with query(text, values))',
  );
}

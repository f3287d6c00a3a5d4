import { ConfigurationError } from '@hangar/core';
import { isSqlClient, type SqlClient } from './sql-client.js';

/** Throws `ConfigurationError` unless `value` is an integer of at least 1. */
export function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new ConfigurationError(name, `must be a positive integer, got ${String(value)}`);
  }
}

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

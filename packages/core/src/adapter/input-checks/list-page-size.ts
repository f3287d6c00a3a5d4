import { ConfigurationError } from '../../errors/configuration-error.js';

/** Jobs per page when a list call does not say. */
export const DEFAULT_PAGE_SIZE = 50;
/** Most jobs one page returns, whatever the call asks: a bigger page is cut, with a cursor. */
export const MAX_PAGE_SIZE = 1000;

/**
 * The page size of a list call: its `limit` capped at `MAX_PAGE_SIZE`, or the default; a
 * `limit` that is not a positive integer is `ConfigurationError` naming `limit`.
 *
 * @example
 * listPageSize(undefined); // 50
 * listPageSize(5000); // 1000: the rest comes with the next cursor
 */
export function listPageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new ConfigurationError('limit', `must be a positive integer, got ${String(limit)}`);
  }
  return Math.min(limit, MAX_PAGE_SIZE);
}

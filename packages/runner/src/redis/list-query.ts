import { ConfigurationError, type ListJobsFilter } from '@hangar/core';

const CURSOR_TAG = 'redis:';

/** The opaque cursor of a listing page: the enqueue seq to continue below. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`${CURSOR_TAG}${seq}`, 'utf8').toString('base64url');
}

/** The seq inside a cursor; a cursor this adapter did not issue is a `ConfigurationError`. */
export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = raw.startsWith(CURSOR_TAG) ? raw.slice(CURSOR_TAG.length) : '';
  if (!/^\d{1,16}$/.test(seq)) {
    throw new ConfigurationError('cursor', 'pass the `nextCursor` of the previous page unchanged');
  }
  return seq;
}

/**
 * Arguments of the list script. The listing walks the smallest index that fits the filter (a
 * user's or a customer's jobs, else all jobs) newest first, and checks the other filters on each job.
 */
export function listArgs(
  filter: ListJobsFilter,
  limit: number,
  beforeSeq: string | undefined,
  scanLimit: number,
): Array<string | number> {
  const [index, owner] =
    filter.userId !== undefined
      ? ['user', filter.userId]
      : filter.customerId !== undefined
        ? ['cust', filter.customerId]
        : ['all', ''];
  const exact = (value: string | undefined) => (value === undefined ? '' : `=${value}`);
  const set = (values: readonly string[] | undefined) =>
    values === undefined ? [-1] : [values.length, ...values];
  return [
    index,
    owner,
    beforeSeq === undefined ? '+inf' : `(${beforeSeq}`,
    limit,
    scanLimit,
    exact(filter.customerId),
    exact(filter.userId),
    exact(filter.queue),
    exact(filter.parentId),
    ...set(filter.states),
    ...set(filter.types),
  ];
}

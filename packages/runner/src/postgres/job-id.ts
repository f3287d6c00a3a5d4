const MAX_BIGINT = 9223372036854775807n;

/**
 * The id as the bigint text the database stores, or undefined when it cannot be a job id of
 * this adapter. Callers answer "not found" for such ids instead of sending a query that would
 * fail on the bigint cast.
 */
export function parseJobId(id: string): string | undefined {
  if (typeof id !== 'string' || !/^[0-9]{1,19}$/.test(id)) return undefined;
  const value = BigInt(id);
  return value > 0n && value <= MAX_BIGINT ? value.toString() : undefined;
}

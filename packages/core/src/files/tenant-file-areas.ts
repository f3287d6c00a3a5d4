/**
 * Where a tenant's files live in a file store, relative to its root. A job pack's store writes
 * there and the runner's download route serves from there, so both sides read this one layout:
 *
 * - `tenants/<customerId>/uploads/...`: files a tenant hands to its jobs (import inputs);
 * - `tenants/<customerId>/jobs/<jobId>/...`: output files of the tenant's jobs;
 * - `system/...`: the same for jobs enqueued without a customer (scheduled maintenance, CLI).
 *
 * Ids become folder names only when they are plain names (letters, digits, `.`, `_`, `-`, not
 * starting with a dot, at most 128 characters): an id such as `../globex` must never name another
 * tenant's folder. For any other id the functions return undefined and the caller refuses.
 */

const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** Whether `id` can be a folder name of the layout as it is. */
export function isPlainFileSegment(id: string): boolean {
  return SAFE_SEGMENT.test(id);
}

/** `tenants/<customerId>`, or `system` for a job without a customer; undefined for an id that is not a plain name. */
export function tenantFileArea(customerId: string | undefined): string | undefined {
  if (customerId === undefined) return 'system';
  return isPlainFileSegment(customerId) ? `tenants/${customerId}` : undefined;
}

/** `<tenant area>/uploads`: where the tenant's jobs read their input files. */
export function tenantUploadArea(customerId: string | undefined): string | undefined {
  const area = tenantFileArea(customerId);
  return area === undefined ? undefined : `${area}/uploads`;
}

/** `<tenant area>/jobs/<jobId>`: where a job writes its output files. */
export function jobOutputArea(customerId: string | undefined, jobId: string): string | undefined {
  const area = tenantFileArea(customerId);
  return area === undefined || !isPlainFileSegment(jobId) ? undefined : `${area}/jobs/${jobId}`;
}

/** Which entries an export takes; every part optional. */
export interface LogFilter {
  /** `customers.id`; undefined: every customer (system jobs only). */
  readonly customerId?: number | undefined;
  /** Customer code, for the job history (tenants are customer codes). */
  readonly customerCode?: string | undefined;
  /** Inclusive start, ISO timestamp or date. */
  readonly from?: string | undefined;
  /** Exclusive end, ISO timestamp or date. */
  readonly to?: string | undefined;
  /** Log group (the id of the job that wrote the entries). */
  readonly logGroup?: string | undefined;
  /** User login. */
  readonly user?: string | undefined;
}

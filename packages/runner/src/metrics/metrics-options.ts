import { ConfigurationError } from '@hangar/core';

/** Options of the Prometheus metrics (`metrics` of the HTTP server). */
export interface MetricsOptions {
  /**
   * Add a `customer` label to the job counters and the attempt histogram. Off by default: one
   * series per customer can be many, and customer ids may be more than a metrics store should
   * hold. @defaultValue false
   */
  customerLabel?: boolean;
  /** Prefix of every metric name. @defaultValue 'hangar_' */
  prefix?: string;
  /** Buckets of the attempt duration histogram, in seconds. @defaultValue [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800] */
  durationBuckets?: readonly number[];
}

/** The defaults of every metrics option. */
export const METRICS_DEFAULTS = {
  customerLabel: false,
  prefix: 'hangar_',
  durationBuckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
} as const;

/** Metrics options with every default applied. */
export type ResolvedMetricsOptions = Required<MetricsOptions>;

/** Applies the defaults and checks each option, naming the one to fix (`metrics.prefix`). */
export function resolveMetricsOptions(
  options: boolean | MetricsOptions | undefined,
): ResolvedMetricsOptions | undefined {
  if (options === undefined || options === false) return undefined;
  const given = options === true ? {} : options;
  if (typeof given !== 'object' || given === null) {
    throw new ConfigurationError('metrics', 'pass true, or { customerLabel, prefix, durationBuckets }');
  }
  const resolved: ResolvedMetricsOptions = {
    customerLabel: given.customerLabel ?? METRICS_DEFAULTS.customerLabel,
    prefix: given.prefix ?? METRICS_DEFAULTS.prefix,
    durationBuckets: given.durationBuckets ?? METRICS_DEFAULTS.durationBuckets,
  };
  if (typeof resolved.customerLabel !== 'boolean') {
    throw new ConfigurationError('metrics.customerLabel', 'must be true or false');
  }
  if (typeof resolved.prefix !== 'string' || !/^[a-zA-Z_:][a-zA-Z0-9_:]*$|^$/.test(resolved.prefix)) {
    throw new ConfigurationError(
      'metrics.prefix',
      'use letters, digits, "_" and ":", not starting with a digit',
    );
  }
  const buckets = resolved.durationBuckets;
  if (
    !Array.isArray(buckets) ||
    buckets.length === 0 ||
    buckets.some((b, i) => !(b > 0) || (i > 0 && b <= (buckets[i - 1] ?? 0)))
  ) {
    throw new ConfigurationError('metrics.durationBuckets', 'give increasing positive numbers of seconds');
  }
  return resolved;
}

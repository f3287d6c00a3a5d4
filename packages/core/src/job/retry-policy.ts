/** How a failed job is retried. */
export interface RetryPolicy {
  /** Total attempts including the first. @defaultValue 3 */
  maxAttempts: number;
  /** Delay before the second attempt, in ms; doubles each attempt. @defaultValue 1000 */
  backoffMs: number;
  /** Upper bound of the delay, in ms. @defaultValue 3_600_000 */
  maxBackoffMs: number;
  /** Random spread applied to each delay, as a fraction (0.2 = ±20%). @defaultValue 0.2 */
  jitter: number;
}

/** The retry policy used when a job type and an enqueue call say nothing. */
export const DEFAULT_RETRY_POLICY = {
  maxAttempts: 3,
  backoffMs: 1000,
  maxBackoffMs: 3_600_000,
  jitter: 0.2,
} as const satisfies RetryPolicy;

/** Delay before the attempt after `attempt` (1-based): exponential with jitter, capped. */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** Math.max(0, attempt - 1));
  const spread = exp * policy.jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(Math.min(policy.maxBackoffMs, exp + spread)));
}

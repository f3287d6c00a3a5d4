import type { WorkerIdentity } from '../queue/job-record.js';
import type { EnqueueRequest, QueueAdapter } from '../queue/queue-adapter.js';

/** A fresh, isolated backend namespace for one test (its own schema, key prefix or store). */
export interface AdapterTestContext {
  /** Opens an adapter on this namespace; call it twice to get two "processes" sharing one backend. */
  create(): Promise<QueueAdapter>;
  /** Drops the namespace. Adapters created through `create` are closed by the suite first. */
  teardown(): Promise<void>;
}

/** How a contract suite gets its backend. */
export interface AdapterContractOptions {
  /** Name shown in the test titles. */
  name: string;
  /** Creates an isolated namespace for one test. */
  setup(): Promise<AdapterTestContext>;
  /**
   * Skips the suite with this printed reason (e.g. the service is not running on a developer
   * machine). Under `CI=true` a reason fails the suite instead.
   */
  skipReason?: () => Promise<string | undefined>;
  /**
   * Whether the adapter joins a caller's transaction (`EnqueueOptions.transaction`), as the
   * PostgreSQL queue does. An adapter that does not must refuse one with `ConfigurationError`
   * naming `transaction` rather than ignore it, which the suite then checks. @defaultValue false
   */
  joinsTransactions?: boolean;
  /**
   * Whether the adapter implements the optional `countJobs`; the suite checks its counts when it
   * does, and that it is absent (so callers count by listing) when it does not. @defaultValue false
   */
  countsJobs?: boolean;
  /**
   * Whether the adapter stores event triggers (the optional `TriggerStore`, `supportsTriggers`);
   * the suite checks the store when it does, and that none of its calls exists when it does not.
   * @defaultValue false
   */
  storesTriggers?: boolean;
}

/** A worker identity for tests. */
export function testWorker(id: string): WorkerIdentity {
  return { id, host: 'test-host', pid: process.pid };
}

/** An enqueue request with sensible defaults for tests. */
export function testJob(overrides: Partial<EnqueueRequest> = {}): EnqueueRequest {
  return { type: 'test.job', params: { n: 1 }, queue: 'default', maxAttempts: 3, ...overrides };
}

/** The workers of the suite's tests. */
export const W1 = testWorker('worker-1');
export const W2 = testWorker('worker-2');
/** A claim of every test job of the default queue, under a lease no test outlives. */
export const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };
/** The errors of a failed attempt in the suite's tests. */
export const anError = [{ code: 'BOOM', key: 'test.boom', params: {}, severity: 'error' as const }];

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Per-test access to the adapters under test. */
export interface ContractScope {
  /** First adapter ("process A"). */
  readonly a: QueueAdapter;
  /** Second adapter on the same backend ("process B"). */
  readonly b: QueueAdapter;
}

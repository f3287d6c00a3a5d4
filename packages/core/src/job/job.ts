import type { ZodType } from 'zod';
import type { TranslatableString } from '../i18n/translatable-string.js';
import type { JobContext } from './job-context.js';
import type { RetryPolicy } from './retry-policy.js';
import type { ServiceRegistration, ServiceResolver, ServiceToken } from './services.js';

/** Where a job type's attempts run: in the runner's thread, or in a worker thread of their own. */
export type JobIsolation = 'inline' | 'worker';

/**
 * One run of a job type. The runner creates a fresh instance per attempt, calls `execute`, calls
 * `abort` when the job is cancelled or times out, and always calls `dispose` at the end.
 */
export interface Job<P = unknown, R = unknown> {
  /** Does the work; the resolved value becomes `JobResult.result`. */
  execute(params: P, ctx: JobContext): Promise<R>;
  /** Asks the job to stop now (beyond the signal); returns whether it could. */
  abort?(): boolean | Promise<boolean>;
  /** Releases connections, temp files and the like; called on success, failure and cancellation. */
  dispose?(): void | Promise<void>;
}

/**
 * The declaration of a job type: its name, parameters, defaults and how to build a job. `P` is the
 * parameters as the job receives them (the schema's output), `R` the result, and `I` the parameters
 * a caller passes (the schema's input: fields with defaults are optional there).
 */
export interface JobDefinition<P = unknown, R = unknown, I = P> {
  /** Unique type name, e.g. `conso.integration`. */
  readonly type: string;
  /** Schema of the parameters, checked at enqueue time and again before execution. */
  readonly params: ZodType<P, I>;
  /** Short description for the API's job-type listing. */
  readonly description?: TranslatableString;
  /** Queue the job goes to when the caller names none. @defaultValue 'default' */
  readonly defaultQueue?: string;
  /** Retry policy; missing fields come from `DEFAULT_RETRY_POLICY`. */
  readonly retry?: Partial<RetryPolicy>;
  /** Longest time one attempt may run, in ms; then it is aborted. @defaultValue no limit */
  readonly timeoutMs?: number;
  /** Jobs with the same key never run at the same time (e.g. one consolidation per conso). */
  readonly concurrencyKey?: (params: P) => string | undefined;
  /**
   * Where attempts run. `'inline'`: in the runner's thread; a job that ignores its signal is
   * failed after `abortGraceMs` but its code runs on. `'worker'`: in a worker thread of its own,
   * which the runner terminates when a timeout or cancellation is not honoured within
   * `abortGraceMs`, so the slot is reused only once the job's code has stopped. Needs `module`.
   * @defaultValue 'inline'
   */
  readonly isolation?: JobIsolation;
  /**
   * For `isolation: 'worker'`: the URL (or absolute path) of the module that exports this
   * definition, or a plugin holding it, usually `import.meta.url`. The worker thread imports it
   * again to find the job type, since functions cannot cross threads.
   */
  readonly module?: string | URL;
  /**
   * For `isolation: 'worker'`: the services the job's thread builds for itself, from the runner's
   * services that can be copied across (plain settings: URLs, options; listed in
   * `shareWithWorker`). Live objects such as connection pools cannot cross; build them here.
   */
  readonly workerServices?: (
    shared: ServiceResolver,
  ) => ServiceRegistration[] | Promise<ServiceRegistration[]>;
  /**
   * For `isolation: 'worker'`: runner services copied into the job's thread (structured clone),
   * e.g. a settings object with a database URL. @defaultValue []
   */
  readonly shareWithWorker?: readonly ServiceToken<unknown>[];
  /** Builds a job for one attempt. */
  create(services: ServiceResolver): Job<P, R>;
}

/** Any job definition, whatever its parameter and result types. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of every parameter type
export type AnyJobDefinition = JobDefinition<any, any>;

/** Declares a job type with inferred parameter and result types. */
export function defineJob<P, R, I = P>(definition: JobDefinition<P, R, I>): JobDefinition<P, R, I> {
  return definition;
}

/** Parameter type of a job definition, as the job receives them (after defaults and transforms). */
export type JobParamsOf<D> = D extends JobDefinition<infer P, infer _R, infer _I> ? P : never;

/** Parameter type a caller passes to enqueue a job of this definition (the schema's input). */
export type JobParamsInputOf<D> = D extends JobDefinition<infer _P, infer _R, infer I> ? I : never;

/** Result type of a job definition. */
export type JobResultOf<D> = D extends JobDefinition<infer _P, infer R, infer _I> ? R : never;

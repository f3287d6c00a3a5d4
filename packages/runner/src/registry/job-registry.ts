import {
  type AnyJobDefinition,
  ConfigurationError,
  coreMessages,
  DEFAULT_RETRY_POLICY,
  type HangarPlugin,
  type RetryPolicy,
  Translator,
  UnknownJobTypeError,
  validateParams,
} from '@hangar/core';
import { isStorableAttempts, isStorableTimeout, MAX_INT32 } from '@hangar/core/adapter';
import { toJSONSchema } from 'zod';
import { ValidatedParams } from './validated-params.js';

/** Description of a job type for the API and the CLI. */
export interface JobTypeInfo {
  /** Type name. */
  type: string;
  /** Queue it goes to by default. */
  defaultQueue: string;
  /** Its retry policy. */
  retry: RetryPolicy;
  /** Timeout of one attempt, in ms. */
  timeoutMs: number | undefined;
  /** JSON schema of its parameters. */
  paramsSchema: unknown;
  /** Message key of its description. */
  description: string | undefined;
}

/** The job types, services and messages of the registered plugins. */
export class JobRegistry {
  private readonly definitions = new Map<string, AnyJobDefinition>();
  /** Renders every message key of the framework and the plugins. */
  readonly translator = new Translator().register(coreMessages);
  /**
   * Parameters the clients on this registry validated, so that a runner on it validates a job's
   * parameters once (see `ValidatedParams` for the trust rule).
   */
  readonly validated = new ValidatedParams();

  constructor(plugins: readonly HangarPlugin[] = [], jobs: readonly AnyJobDefinition[] = []) {
    for (const plugin of plugins) {
      if (plugin.messages) this.translator.register(plugin.messages);
      for (const def of plugin.jobs) this.add(def, plugin.name);
    }
    for (const def of jobs) this.add(def, 'jobs');
  }

  private add(def: AnyJobDefinition, origin: string): void {
    if (!def.type) throw new ConfigurationError(`${origin}.jobs`, 'every job definition needs a `type`');
    if (this.definitions.has(def.type)) {
      throw new ConfigurationError(`${origin}.jobs`, `job type "${def.type}" is registered twice`);
    }
    checkJobLimits(def, origin);
    this.definitions.set(def.type, def);
  }

  /** The definition of `type`; throws `UnknownJobTypeError` when missing. */
  get(type: string): AnyJobDefinition {
    const def = this.definitions.get(type);
    if (!def) throw new UnknownJobTypeError(type, this.types());
    return def;
  }

  /** Whether `type` is registered. */
  has(type: string): boolean {
    return this.definitions.has(type);
  }

  /** Every registered type name, sorted. */
  types(): string[] {
    return [...this.definitions.keys()].sort();
  }

  /** Validates parameters of `type`, throwing `ParamsValidationError` with field-level issues. */
  validate(type: string, params: unknown): unknown {
    return validateParams(type, this.get(type).params, params);
  }

  /** The full retry policy of `type`. */
  retryPolicy(type: string): RetryPolicy {
    return { ...DEFAULT_RETRY_POLICY, ...this.get(type).retry };
  }

  /** Descriptions of every type, for the API. */
  describe(): JobTypeInfo[] {
    return this.types().map((type) => {
      const def = this.get(type);
      return {
        type,
        defaultQueue: def.defaultQueue ?? 'default',
        retry: this.retryPolicy(type),
        timeoutMs: def.timeoutMs,
        paramsSchema: safeJsonSchema(def),
        description: def.description?.key,
      };
    });
  }
}

function safeJsonSchema(def: AnyJobDefinition): unknown {
  try {
    // What a caller sends: a field with a default is optional in the input, though always set in the output.
    return toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' });
  } catch {
    return {};
  }
}

/**
 * Refuses, when the plugin is registered, a retry policy or timeout that every enqueue of the
 * type would be refused for later: the error names the job type and the field.
 */
function checkJobLimits(def: AnyJobDefinition, origin: string): void {
  const where = `${origin}.jobs[${def.type}]`;
  const retry = def.retry ?? {};
  const { maxAttempts, backoffMs, maxBackoffMs, jitter } = retry;
  if (maxAttempts !== undefined && !isStorableAttempts(maxAttempts)) {
    throw new ConfigurationError(
      `${where}.retry.maxAttempts`,
      `must be an integer from 1 to ${MAX_INT32}, got ${maxAttempts}`,
    );
  }
  for (const [name, value] of [
    ['backoffMs', backoffMs],
    ['maxBackoffMs', maxBackoffMs],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new ConfigurationError(
        `${where}.retry.${name}`,
        `must be a number of milliseconds of at least 0, got ${value}`,
      );
    }
  }
  if (jitter !== undefined && !(Number.isFinite(jitter) && jitter >= 0 && jitter <= 1)) {
    throw new ConfigurationError(`${where}.retry.jitter`, `must be a fraction from 0 to 1, got ${jitter}`);
  }
  if (def.isolation !== undefined && def.isolation !== 'inline' && def.isolation !== 'worker') {
    throw new ConfigurationError(
      `${where}.isolation`,
      `must be 'inline' or 'worker', got ${String(def.isolation)}`,
    );
  }
  if (def.isolation === 'worker' && !(typeof def.module === 'string' || def.module instanceof URL)) {
    throw new ConfigurationError(
      `${where}.module`,
      'an isolated job needs the URL of the module that exports it: `module: import.meta.url`',
    );
  }
  const { timeoutMs } = def;
  if (timeoutMs !== undefined && !isStorableTimeout(timeoutMs)) {
    throw new ConfigurationError(
      `${where}.timeoutMs`,
      `must be a positive whole number of ms (or Infinity), got ${timeoutMs}`,
    );
  }
}

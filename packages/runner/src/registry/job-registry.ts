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
import { toJSONSchema } from 'zod';

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
    return toJSONSchema(def.params, { unrepresentable: 'any' });
  } catch {
    return {};
  }
}

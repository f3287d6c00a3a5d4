import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { configError } from './cli-error.js';
import { substituteEnvReferences } from './env-references.js';
import { LOG_LEVELS } from './serve-logger.js';

/** Config file read when neither --config nor HANGAR_CONFIG names one. */
export const DEFAULT_CONFIG_FILE = 'hangar.config.json';

const ms = z.number().int().min(0);

const queueSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('memory') }),
    z.strictObject({
      kind: z.literal('postgres'),
      url: z.string().min(1),
      schema: z.string().min(1).optional(),
    }),
    z.strictObject({
      kind: z.literal('redis'),
      url: z.string().min(1),
      prefix: z.string().min(1).optional(),
    }),
  ],
  { error: 'set "kind" to "memory", "postgres" (with "url") or "redis" (with "url")' },
);

const tokenSchema = z.strictObject({
  token: z.string().min(1),
  customerId: z.string().min(1),
  userId: z.string().min(1),
  roles: z
    .array(z.enum(['admin', 'operator', 'viewer']))
    .min(1, { error: 'give at least one of admin, operator, viewer' }),
});

const httpSchema = z.strictObject({
  port: z.number().int().min(0).max(65_535).default(8080),
  host: z.string().min(1).default('127.0.0.1'),
  tokens: z.array(tokenSchema).min(1, { error: 'configure at least one token' }),
  filesRoot: z.string().min(1).optional(),
  dashboard: z.boolean().default(false),
  /** Prometheus metrics at GET /metrics (needs prom-client); `{ customerLabel: true }` adds the customer. */
  metrics: z.union([z.boolean(), z.strictObject({ customerLabel: z.boolean().optional() })]).default(false),
});

/**
 * A recurring job the config declares: upserted when `serve` starts, so the file is the source of
 * truth for it (a change or a removal from `paused` takes effect at the next start).
 */
const scheduleSchema = z.strictObject({
  name: z.string().min(1),
  cron: z.string().min(1),
  timezone: z.string().min(1).optional(),
  type: z.string().min(1),
  params: z.unknown().default({}),
  options: z
    .strictObject({
      queue: z.string().min(1).optional(),
      priority: z.number().int().optional(),
      customerId: z.string().min(1).optional(),
      userId: z.string().min(1).optional(),
    })
    .default({}),
  paused: z.boolean().default(false),
});

/**
 * An event trigger the config declares: upserted when `serve` starts, like a schedule. A trigger
 * already stored keeps where it stands, so ends that happened while nothing ran still fire it.
 */
const triggerSchema = z.strictObject({
  name: z.string().min(1),
  on: z.strictObject({
    type: z.string().min(1),
    customerId: z.string().min(1).optional(),
    states: z.array(z.enum(['Succeeded', 'Failed', 'Cancelled'])).min(1, {
      error: 'give at least one of Succeeded, Failed, Cancelled',
    }),
    metadata: z.record(z.string(), z.string()).optional(),
  }),
  job: z.strictObject({
    type: z.string().min(1),
    params: z.unknown().default({}),
    queue: z.string().min(1).optional(),
    priority: z.number().int().optional(),
  }),
  paused: z.boolean().default(false),
});

const runnerSchema = z.strictObject({
  concurrency: z.number().int().min(1).optional(),
  queues: z.record(z.string(), z.number().int().min(1)).optional(),
  jobTypes: z.array(z.string().min(1)).optional(),
  leaseMs: ms.optional(),
  heartbeatMs: ms.optional(),
  pollIntervalMs: ms.optional(),
  recoveryIntervalMs: ms.optional(),
  schedulerIntervalMs: ms.optional(),
  triggerSettleMs: ms.optional(),
  shutdownGraceMs: ms.optional(),
  abortGraceMs: ms.optional(),
  maxPerCustomer: z.number().int().min(1).optional(),
  cleanupIntervalMs: ms.optional(),
  retention: z
    .union([
      z.literal(false),
      z.strictObject({
        succeededMs: ms,
        cancelledMs: ms,
        failedMs: ms,
        batchSize: z.number().int().min(1).optional(),
      }),
    ])
    .optional(),
  workerId: z.string().min(1).optional(),
});

/**
 * One entry of `plugins`: a package name or path, or `{ package, settings }` with the settings its
 * services need (checked against the plugin's own schema once it is loaded).
 */
const pluginEntrySchema = z.union(
  [
    z
      .string()
      .min(1)
      .transform((name) => ({ package: name, settings: undefined as unknown })),
    z.strictObject({ package: z.string().min(1), settings: z.unknown().optional() }),
  ],
  { error: 'give a package name or path, or { "package": "...", "settings": { ... } }' },
);

/** A `plugins` entry of the config, in its object form. */
export type PluginEntry = z.output<typeof pluginEntrySchema>;

const logSchema = z.strictObject({
  level: z.enum(LOG_LEVELS).optional(),
  format: z.enum(['auto', 'json', 'pretty']).default('auto'),
});

/** Schema of `hangar.config.json`. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  queue: queueSchema.default({ kind: 'memory' }),
  plugins: z.array(pluginEntrySchema).default([]),
  discover: z.boolean().default(true),
  http: httpSchema.optional(),
  runner: runnerSchema.default({}),
  log: logSchema.default({ format: 'auto' }),
  schedules: z.array(scheduleSchema).default([]),
  triggers: z.array(triggerSchema).default([]),
});

/** A parsed config, with `env:` references replaced and paths made absolute. */
export type HangarConfig = z.output<typeof configSchema> & {
  /** The file it came from. */
  path: string;
  /** Its directory: relative plugin paths and `filesRoot` are read from here. */
  dir: string;
};

/** Where the config file is: --config, then HANGAR_CONFIG, then `hangar.config.json` in the working directory. */
export function configPath(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  flag?: string,
): string {
  const file = flag ?? env.HANGAR_CONFIG ?? DEFAULT_CONFIG_FILE;
  return isAbsolute(file) ? file : resolve(cwd, file);
}

/**
 * Reads and checks a config file. Secrets can stay out of it: `${NAME}` in any string is replaced
 * by that environment variable, and so is a whole string `"env:NAME"` in `queue.url` or a token.
 * Returns undefined for a missing optional file.
 */
export async function loadConfig(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
  required: boolean,
): Promise<HangarConfig | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return undefined;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw configError('hangar.cli.configNotFound', { path });
    throw configError('hangar.cli.configInvalid', { path, problem: (error as Error).message }, error);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw configError('hangar.cli.configInvalid', {
      path,
      problem: `not valid JSON (${(error as Error).message})`,
    });
  }
  const parsed = configSchema.safeParse(substituteEnvReferences(raw, env, path, !required));
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw configError('hangar.cli.configInvalid', { path, problem });
  }
  const config: HangarConfig = { ...parsed.data, path, dir: dirname(path) };
  const fromEnv = (field: string, value: string): string => {
    if (!value.startsWith('env:')) return value;
    const name = value.slice(4);
    const found = env[name];
    if (found === undefined || found === '')
      throw configError('hangar.cli.envMissing', { path, field, name });
    return found;
  };
  if (config.queue.kind !== 'memory') config.queue.url = fromEnv('queue.url', config.queue.url);
  if (config.http) {
    config.http.tokens = config.http.tokens.map((t, i) => ({
      ...t,
      token: fromEnv(`http.tokens.${i}.token`, t.token),
    }));
    if (config.http.filesRoot) config.http.filesRoot = resolve(config.dir, config.http.filesRoot);
  }
  return config;
}

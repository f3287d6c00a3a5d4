import { isAbsolute } from 'node:path';
import { parseConsoDbUrl } from '@hangar/conso-db';
import { ConfigurationError, createServiceToken, type ServiceResolver } from '@hangar/core';

/** Settings of `utils.run-command-line`. */
export interface CommandLineOptions {
  /**
   * The executables a job may run, by the name its `command` param gives, each an absolute path.
   * A job names one of these; it can never run a path of its own.
   * @defaultValue `{}` (no command may run)
   */
  readonly executables: Readonly<Record<string, string>>;
  /** Directories a job's working directory must lie in; the first is the default. @defaultValue `[]` */
  readonly roots: readonly string[];
  /** Variables copied from the runner's environment into the child's. @defaultValue `['PATH', 'LANG', 'TZ']` */
  readonly inheritEnv: readonly string[];
  /** Variables a job's `env` param may set. @defaultValue `[]` */
  readonly paramEnv: readonly string[];
  /** Timeout of a run when its params give none, in ms. @defaultValue `600_000` */
  readonly timeoutMs: number;
  /** Longest timeout a job's params may ask for, in ms. @defaultValue `3_600_000` */
  readonly maxTimeoutMs: number;
  /** Time between SIGTERM and SIGKILL when a run is stopped, in ms. @defaultValue `5_000` */
  readonly killGraceMs: number;
  /** Lines of output kept for the error of a failed run. @defaultValue `20` */
  readonly tailLines: number;
  /** Customers whose own jobs may run commands; otherwise system jobs only. @defaultValue `[]` */
  readonly allowedCustomers: readonly string[];
}

/** Settings of `utils.run-sql-command`. */
export interface SqlCommandOptions {
  /** Database URLs by connection name (`postgres://…`, `sqlite:…`, `mssql://…`). @defaultValue `{}` */
  readonly connections: Readonly<Record<string, string>>;
  /** Customers whose own jobs may run SQL; otherwise system jobs only. @defaultValue `[]` */
  readonly allowedCustomers: readonly string[];
}

/** Settings of `utils.cleanup`: what it keeps, by age in days, and where it deletes files. */
export interface CleanupOptions {
  /** Succeeded jobs older than this many days are deleted. @defaultValue `7` */
  readonly succeededJobDays: number;
  /** Cancelled jobs older than this many days are deleted. @defaultValue `7` */
  readonly cancelledJobDays: number;
  /** Failed jobs older than this many days are deleted. @defaultValue `30` */
  readonly failedJobDays: number;
  /** Files older than this many days are deleted from `directories`. @defaultValue `30` */
  readonly fileDays: number;
  /** Modification-log entries older than this many days are deleted. @defaultValue `365` */
  readonly modificationLogDays: number;
  /** Output and temporary file directories to clean (absolute). @defaultValue `[]` */
  readonly directories: readonly string[];
  /** Jobs deleted per queue call, so the queue stays responsive. @defaultValue `1000` */
  readonly batchSize: number;
  /**
   * Pause after each batch of jobs, as a multiple of the time the batch took (1: as long again),
   * so a cleanup takes at most that share of a database core from the claims and completions
   * running beside it; 0 runs the batches back to back. @defaultValue `1`
   */
  readonly pauseRatio: number;
  /** Customers whose own jobs may clean their modification log; otherwise system jobs only. @defaultValue `[]` */
  readonly allowedCustomers: readonly string[];
}

/** Options of the utility pack, as the plugin's jobs read them. */
export interface UtilsOptions {
  readonly commandLine: CommandLineOptions;
  readonly sql: SqlCommandOptions;
  readonly cleanup: CleanupOptions;
}

/** Options as given to the plugin: every field optional. */
export interface UtilsPluginOptions {
  readonly commandLine?: Partial<CommandLineOptions>;
  readonly sql?: Partial<SqlCommandOptions>;
  readonly cleanup?: Partial<CleanupOptions>;
}

/** The defaults of every option. */
export const UTILS_DEFAULTS: UtilsOptions = {
  commandLine: {
    executables: {},
    roots: [],
    inheritEnv: ['PATH', 'LANG', 'TZ'],
    paramEnv: [],
    timeoutMs: 600_000,
    maxTimeoutMs: 3_600_000,
    killGraceMs: 5_000,
    tailLines: 20,
    allowedCustomers: [],
  },
  sql: { connections: {}, allowedCustomers: [] },
  cleanup: {
    succeededJobDays: 7,
    cancelledJobDays: 7,
    failedJobDays: 30,
    fileDays: 30,
    modificationLogDays: 365,
    directories: [],
    batchSize: 1_000,
    pauseRatio: 1,
    allowedCustomers: [],
  },
};

/** The service under which the plugin hands its resolved options to its jobs. */
export const utilsOptionsToken = createServiceToken<UtilsOptions>('hangar.utils.options');

/** The options the jobs run with: the plugin's registration, else the defaults. */
export function utilsOptionsOf(services: ServiceResolver): UtilsOptions {
  return services.has(utilsOptionsToken) ? services.get(utilsOptionsToken) : UTILS_DEFAULTS;
}

/** The entry `name` of a settings map, never one inherited from `Object.prototype` (`constructor`…). */
export function configuredEntry<T>(map: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(map, name) ? map[name] : undefined;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function positiveInteger(option: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new ConfigurationError(option, 'must be a positive integer');
}

function envNames(option: string, names: readonly string[]): void {
  names.forEach((name, i) => {
    if (!ENV_NAME.test(name))
      throw new ConfigurationError(`${option}.${i}`, `"${name}" is not a variable name`);
  });
}

function customers(option: string, codes: readonly string[]): void {
  codes.forEach((code, i) => {
    if (typeof code !== 'string' || code.length === 0)
      throw new ConfigurationError(`${option}.${i}`, 'must be a customer code');
  });
}

/** Merges `options` over {@link UTILS_DEFAULTS} and checks them; `ConfigurationError` names a bad option. */
export function resolveUtilsOptions(options: UtilsPluginOptions = {}): UtilsOptions {
  const commandLine = { ...UTILS_DEFAULTS.commandLine, ...options.commandLine };
  const sql = { ...UTILS_DEFAULTS.sql, ...options.sql };
  for (const [name, path] of Object.entries(commandLine.executables)) {
    if (typeof path !== 'string' || !isAbsolute(path))
      throw new ConfigurationError(`commandLine.executables.${name}`, 'must be an absolute path');
  }
  commandLine.roots.forEach((root, i) => {
    if (typeof root !== 'string' || !isAbsolute(root))
      throw new ConfigurationError(`commandLine.roots.${i}`, 'must be an absolute directory');
  });
  envNames('commandLine.inheritEnv', commandLine.inheritEnv);
  envNames('commandLine.paramEnv', commandLine.paramEnv);
  positiveInteger('commandLine.timeoutMs', commandLine.timeoutMs);
  positiveInteger('commandLine.maxTimeoutMs', commandLine.maxTimeoutMs);
  positiveInteger('commandLine.killGraceMs', commandLine.killGraceMs);
  positiveInteger('commandLine.tailLines', commandLine.tailLines);
  if (commandLine.timeoutMs > commandLine.maxTimeoutMs)
    throw new ConfigurationError('commandLine.timeoutMs', 'must not exceed commandLine.maxTimeoutMs');
  customers('commandLine.allowedCustomers', commandLine.allowedCustomers);
  for (const [name, url] of Object.entries(sql.connections)) {
    try {
      parseConsoDbUrl(url);
    } catch (error) {
      throw new ConfigurationError(
        `sql.connections.${name}`,
        `must be a database URL (${(error as Error).message})`,
      );
    }
  }
  customers('sql.allowedCustomers', sql.allowedCustomers);
  const cleanup = { ...UTILS_DEFAULTS.cleanup, ...options.cleanup };
  for (const days of [
    'succeededJobDays',
    'cancelledJobDays',
    'failedJobDays',
    'fileDays',
    'modificationLogDays',
  ] as const) {
    if (!(Number.isFinite(cleanup[days]) && cleanup[days] >= 0))
      throw new ConfigurationError(`cleanup.${days}`, 'must be a number of days, 0 or more');
  }
  cleanup.directories.forEach((dir, i) => {
    if (typeof dir !== 'string' || !isAbsolute(dir))
      throw new ConfigurationError(`cleanup.directories.${i}`, 'must be an absolute directory');
  });
  positiveInteger('cleanup.batchSize', cleanup.batchSize);
  if (!(Number.isFinite(cleanup.pauseRatio) && cleanup.pauseRatio >= 0 && cleanup.pauseRatio <= 10))
    throw new ConfigurationError('cleanup.pauseRatio', 'must be a number from 0 (no pause) to 10');
  customers('cleanup.allowedCustomers', cleanup.allowedCustomers);
  return { commandLine, sql, cleanup };
}

import { isAbsolute, resolve } from 'node:path';
import { ConfigurationError, type Logger } from '@hangar/core';
import type { HangarClient } from '../client/hangar-client.js';
import {
  type MetricsOptions,
  type ResolvedMetricsOptions,
  resolveMetricsOptions,
} from '../metrics/metrics-options.js';
import { type AuthOptions, validateAuthOptions } from './auth.js';

/** Options of the HTTP API, as a fastify plugin or a standalone server. */
export interface HangarHttpOptions {
  /** The client the API enqueues, reads and cancels through (e.g. `runner.client`). */
  client: HangarClient;
  /** Accepted bearer tokens and/or a custom token check. */
  auth: AuthOptions;
  /**
   * Directory the output files of jobs live under; a file's `location` is a path inside it.
   * Files elsewhere are refused. @defaultValue undefined (files are not served)
   */
  filesRoot?: string;
  /** Page size of `GET /jobs` when the caller names none. @defaultValue 50 */
  defaultPageSize?: number;
  /** Largest page size a caller may ask for. @defaultValue 200 */
  maxPageSize?: number;
  /** Interval of the keep-alive comment on event streams, so proxies do not cut idle streams. @defaultValue 15_000 */
  sseHeartbeatMs?: number;
  /** Safety re-read of a streamed job, for adapters whose change feed may miss an event. @defaultValue 2_000 */
  ssePollMs?: number;
  /** `info.title` of the OpenAPI document. @defaultValue 'Hangar API' */
  title?: string;
  /** `info.version` of the OpenAPI document. @defaultValue '0.1.0' */
  version?: string;
  /**
   * Where the API logs failed requests (a 500 with its cause and request id, a refused file).
   * A pino logger fits. @defaultValue the fastify request logger (`request.log`)
   */
  logger?: Logger;
  /**
   * Checks `GET /ready` runs besides the queue's (e.g. `{ conso: () => db.selectNoFrom(sql\`1\`).execute() }`):
   * each resolves when its dependency is reachable. @defaultValue {}
   */
  readinessChecks?: Readonly<Record<string, ReadinessCheck>>;
  /** How long one readiness check may take before it counts as failed. @defaultValue 2_000 */
  readinessTimeoutMs?: number;
  /**
   * Prometheus metrics at `GET /metrics` (needs the optional peer `prom-client` 15): `true`, or
   * options such as `{ customerLabel: true }`. @defaultValue false
   */
  metrics?: boolean | MetricsOptions;
  /** Serve the dashboard page under `/dashboard` (same tokens, roles and tenants as the API). @defaultValue false */
  dashboard?: boolean;
}

/** A readiness check: resolves when the dependency answers, rejects (or outlasts the timeout) when not. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<unknown>;

/** The defaults of every optional HTTP option. */
export const HTTP_DEFAULTS = {
  defaultPageSize: 50,
  maxPageSize: 200,
  sseHeartbeatMs: 15_000,
  ssePollMs: 2_000,
  title: 'Hangar API',
  version: '0.1.0',
  readinessChecks: {},
  readinessTimeoutMs: 2_000,
} as const satisfies Partial<HangarHttpOptions>;

/** HTTP options with every default applied. */
export type ResolvedHttpOptions = Required<
  Omit<HangarHttpOptions, 'filesRoot' | 'logger' | 'metrics' | 'dashboard'>
> & {
  filesRoot: string | undefined;
  logger: Logger | undefined;
  metrics: ResolvedMetricsOptions | undefined;
};

function intAtLeast(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(name, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
}

/** Applies defaults and checks every option, naming the one to fix. */
export function resolveHttpOptions(options: HangarHttpOptions): ResolvedHttpOptions {
  if (!options || typeof options !== 'object') {
    throw new ConfigurationError(
      'options',
      'pass `{ client, auth }`, e.g. `{ client: runner.client, auth: { tokens } }`',
    );
  }
  const client = options.client;
  if (!client || typeof client.enqueue !== 'function' || typeof client.get !== 'function') {
    throw new ConfigurationError(
      'client',
      'pass a HangarClient, e.g. `runner.client` or `createClient({ queue })`',
    );
  }
  validateAuthOptions(options.auth);
  const resolved: ResolvedHttpOptions = {
    client,
    auth: options.auth,
    filesRoot: undefined,
    logger: options.logger,
    metrics: resolveMetricsOptions(options.metrics),
    defaultPageSize: options.defaultPageSize ?? HTTP_DEFAULTS.defaultPageSize,
    maxPageSize: options.maxPageSize ?? HTTP_DEFAULTS.maxPageSize,
    sseHeartbeatMs: options.sseHeartbeatMs ?? HTTP_DEFAULTS.sseHeartbeatMs,
    ssePollMs: options.ssePollMs ?? HTTP_DEFAULTS.ssePollMs,
    title: options.title ?? HTTP_DEFAULTS.title,
    version: options.version ?? HTTP_DEFAULTS.version,
    readinessChecks: options.readinessChecks ?? HTTP_DEFAULTS.readinessChecks,
    readinessTimeoutMs: options.readinessTimeoutMs ?? HTTP_DEFAULTS.readinessTimeoutMs,
  };
  intAtLeast('readinessTimeoutMs', resolved.readinessTimeoutMs, 1);
  if (typeof resolved.readinessChecks !== 'object' || resolved.readinessChecks === null) {
    throw new ConfigurationError('readinessChecks', 'pass an object of named check functions');
  }
  for (const [name, check] of Object.entries(resolved.readinessChecks)) {
    if (typeof check !== 'function') {
      throw new ConfigurationError(`readinessChecks.${name}`, 'must be a function returning a promise');
    }
    if (name === 'queue') {
      throw new ConfigurationError(
        'readinessChecks.queue',
        'the queue is always checked; give this check another name',
      );
    }
  }
  if (
    options.logger !== undefined &&
    (typeof options.logger !== 'object' || typeof options.logger?.error !== 'function')
  ) {
    throw new ConfigurationError(
      'logger',
      'pass a logger with error/warn/info/debug/child, e.g. a pino logger',
    );
  }
  intAtLeast('maxPageSize', resolved.maxPageSize, 1, 10_000);
  intAtLeast('defaultPageSize', resolved.defaultPageSize, 1, resolved.maxPageSize);
  intAtLeast('sseHeartbeatMs', resolved.sseHeartbeatMs, 1000);
  intAtLeast('ssePollMs', resolved.ssePollMs, 50);
  if (options.filesRoot !== undefined) {
    if (typeof options.filesRoot !== 'string' || options.filesRoot.trim() === '') {
      throw new ConfigurationError(
        'filesRoot',
        'give the directory output files are stored under, e.g. "/var/lib/hangar/files"',
      );
    }
    // Resolved once at startup, so a later chdir cannot move the root.
    resolved.filesRoot = isAbsolute(options.filesRoot) ? options.filesRoot : resolve(options.filesRoot);
  }
  return resolved;
}

import { ConfigurationError } from '@hangar/core';

/** An endpoint the web-service job may call: a URL prefix and the headers it gets from secrets. */
export interface AllowedEndpoint {
  /** URL prefix: same scheme, host and port, and a path starting with this one's, e.g. `https://api.acme.test/v1/`. */
  url: string;
  /** Headers of every request to it, by header name: the name of a secret in `secrets`. @defaultValue {} */
  headers?: Readonly<Record<string, string>>;
  /** Only jobs of these customers (and system jobs) may call it; every customer when absent. @defaultValue undefined */
  customers?: readonly string[];
}

/** Options of the web-service job. */
export interface WebServiceOptions {
  /** Endpoints a request may go to; nothing is allowed when empty. @defaultValue [] */
  allowList: readonly AllowedEndpoint[];
  /** Secret header values by name (tokens, keys); they never appear in params or results. @defaultValue {} */
  secrets: Readonly<Record<string, string>>;
  /** Longest wait for one response (headers and body), in ms. @defaultValue 30_000 */
  timeoutMs: number;
  /** Tries of one request on a 5xx, 429, timeout or network error. @defaultValue 3 */
  attempts: number;
  /** First delay between tries, doubled each time, with jitter, in ms. @defaultValue 500 */
  retryDelayMs: number;
  /** Longest `Retry-After` honoured, in ms; a longer one ends the tries. @defaultValue 60_000 */
  maxRetryAfterMs: number;
  /** A response body up to this size is the job's result; a larger one is stored as an output file. @defaultValue 65_536 */
  maxResultBytes: number;
  /** Largest response body accepted at all, in bytes. @defaultValue 1 GiB */
  maxResponseBytes: number;
}

/** Defaults of {@link WebServiceOptions}. */
export const WEB_SERVICE_DEFAULTS: WebServiceOptions = {
  allowList: [],
  secrets: {},
  timeoutMs: 30_000,
  attempts: 3,
  retryDelayMs: 500,
  maxRetryAfterMs: 60_000,
  maxResultBytes: 65_536,
  maxResponseBytes: 1024 * 1024 * 1024,
};

/** Applies the defaults and checks the options; a wrong one is `ConfigurationError` naming it. */
export function resolveWebServiceOptions(options: Partial<WebServiceOptions> = {}): WebServiceOptions {
  const resolved: WebServiceOptions = {
    ...WEB_SERVICE_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  const whole = (name: keyof WebServiceOptions, min: number, max: number) => {
    const value = resolved[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new ConfigurationError(
        `webService.${name}`,
        `must be a whole number in [${min}, ${max}], got ${String(value)}`,
      );
    }
  };
  whole('timeoutMs', 1, 3_600_000);
  whole('attempts', 1, 10);
  whole('retryDelayMs', 0, 600_000);
  whole('maxRetryAfterMs', 0, 3_600_000);
  whole('maxResultBytes', 0, 16 * 1024 * 1024);
  whole('maxResponseBytes', 1, Number.MAX_SAFE_INTEGER);
  resolved.allowList.forEach((endpoint, i) => {
    const option = `webService.allowList.${i}`;
    let url: URL;
    try {
      url = new URL(endpoint.url);
    } catch {
      throw new ConfigurationError(`${option}.url`, `"${endpoint.url}" is not an absolute URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ConfigurationError(`${option}.url`, 'must be an http or https URL');
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
      throw new ConfigurationError(
        `${option}.url`,
        'must be a prefix without query, fragment or credentials',
      );
    }
    for (const [header, secret] of Object.entries(endpoint.headers ?? {})) {
      if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(header)) {
        throw new ConfigurationError(`${option}.headers`, `"${header}" is not a header name`);
      }
      if (resolved.secrets[secret] === undefined) {
        throw new ConfigurationError(
          `${option}.headers.${header}`,
          `no secret named "${secret}" in webService.secrets`,
        );
      }
    }
  });
  return resolved;
}

import { TenantMismatchError } from '@hangar/core';
import { UrlNotAllowedError } from '../errors/url-not-allowed-error.js';
import type { AllowedEndpoint } from '../plugin/web-service-options.js';

/** A requested URL and the allow-list entry it falls under. */
export interface AllowedUrl {
  url: URL;
  endpoint: AllowedEndpoint;
}

/**
 * The allow-list entry `url` falls under: same scheme, host and port, and a path under the entry's
 * (compared after the URL is normalised, so `/v1/../admin` is `/admin`). An entry reserved for
 * other customers is `TENANT_MISMATCH` for a customer's job; no entry is `OTHER_URL_NOT_ALLOWED`.
 */
export function allowedUrl(
  text: string,
  allowList: readonly AllowedEndpoint[],
  customer: string | undefined,
): AllowedUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UrlNotAllowedError('url', text);
  }
  if (url.username !== '' || url.password !== '') throw new UrlNotAllowedError('url', text);
  const matches = allowList.filter((endpoint) => {
    const prefix = new URL(endpoint.url);
    if (prefix.origin !== url.origin) return false;
    const path = prefix.pathname.endsWith('/') ? prefix.pathname : `${prefix.pathname}/`;
    return url.pathname === prefix.pathname || url.pathname.startsWith(path);
  });
  if (matches.length === 0) throw new UrlNotAllowedError('url', url.origin + url.pathname);
  const endpoint =
    customer === undefined
      ? matches[0]
      : matches.find((entry) => entry.customers === undefined || entry.customers.includes(customer));
  if (endpoint === undefined)
    throw new TenantMismatchError('url', url.origin + url.pathname, customer as string);
  return { url, endpoint };
}

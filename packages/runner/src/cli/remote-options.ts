import { ApiClient } from './api-client.js';
import type { CliContext } from './cli-context.js';
import { usageError } from './cli-error.js';

/** Server URL used when neither --server nor HANGAR_URL is given. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';

/** Flags shared by every command that talks to a running API. */
export const REMOTE_OPTIONS = {
  server: { type: 'string', short: 's' },
  token: { type: 'string', short: 't' },
  lang: { type: 'string' },
  customer: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Help lines of the shared flags. */
export const REMOTE_HELP = [
  '  -s, --server URL    API base URL (env HANGAR_URL; default ' + DEFAULT_SERVER_URL + ')',
  '  -t, --token TOKEN   Bearer token (env HANGAR_TOKEN)',
  '      --lang LANG     Language of the messages, e.g. fr (env HANGAR_LANG, LANG)',
  '      --customer ID   Admin tokens only: act for this customer',
  '      --json          Print JSON instead of text',
];

/** Builds the API client from the flags and the environment; sets the run's language from --lang. */
export function remoteClient(
  ctx: CliContext,
  values: {
    server?: string | undefined;
    token?: string | undefined;
    lang?: string | undefined;
    customer?: string | undefined;
  },
): ApiClient {
  if (values.lang) ctx.lang = values.lang;
  const baseUrl = values.server ?? ctx.env.HANGAR_URL ?? DEFAULT_SERVER_URL;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw usageError('hangar.cli.badUrl', { url: baseUrl });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError('hangar.cli.badUrl', { url: baseUrl });
  const token = values.token ?? ctx.env.HANGAR_TOKEN;
  if (!token) throw usageError('hangar.cli.noToken');
  return new ApiClient({
    baseUrl,
    token,
    lang: ctx.lang,
    ...(values.customer ? { customerId: values.customer } : {}),
  });
}

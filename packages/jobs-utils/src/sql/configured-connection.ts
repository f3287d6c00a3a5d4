import { type ParsedConsoDbUrl, parseConsoDbUrl } from '@hangar/conso-db';
import { assertSystemJob, type JobContext } from '@hangar/core';
import { UnknownConnectionError } from '../errors/unknown-connection-error.js';
import { configuredEntry, type SqlCommandOptions } from '../settings/utils-options.js';

/** A connection of the settings, ready to open. */
export interface ConfiguredConnection {
  readonly url: string;
  readonly parsed: ParsedConsoDbUrl;
}

/**
 * What every SQL job does first: refuses a customer's run unless the operator allowed that
 * customer, then looks up the connection its `connection` param names (never a URL of its own).
 */
export function configuredConnection(
  options: SqlCommandOptions,
  ctx: Pick<JobContext, 'customerId' | 'type'>,
  jobType: string,
  name: string,
): ConfiguredConnection {
  assertSystemJob(ctx, { what: jobType, allowedCustomers: options.allowedCustomers });
  const url = configuredEntry(options.connections, name);
  if (url === undefined) throw new UnknownConnectionError('connection', name);
  return { url, parsed: parseConsoDbUrl(url) };
}

import type { ServiceResolver } from '@hangar/core';
import { type FileOwner, fileStoreOf } from '@hangar/jobs-importexport';
import { findAttachments } from '../email/attachments.js';
import { JobParamError } from '../errors/job-param-error.js';
import { WebServiceRefusedError } from '../errors/web-service-refused-error.js';
import { WebServiceUnavailableError } from '../errors/web-service-unavailable-error.js';
import type { OtherJobsConfig } from '../plugin/other-jobs-options.js';
import { allowedUrl } from '../web/allowed-endpoint.js';
import { readResponseBody } from '../web/response-body.js';
import type { PipelineSource } from './pipeline.js';
import { checkSqlSource, extractSql } from './sql-extract.js';

/** A source checked before the pipeline runs, and how to extract it. */
export interface CheckedSource {
  /** Extracts the rows (to a file of the store named `name` when they are not one already); returns its location. */
  extract(name: string): Promise<string>;
}

/**
 * Checks a source (tenant, allow-list, connection, query) without reading anything, and returns
 * how to extract it: a file is used where it is, the others are written to the store first.
 */
export async function checkSource(
  services: ServiceResolver,
  config: OtherJobsConfig,
  source: PipelineSource,
  who: { tenant: string | undefined; customer: string | undefined },
  signal: AbortSignal,
  owner: FileOwner,
): Promise<CheckedSource> {
  const store = fileStoreOf(services);
  switch (source.kind) {
    case 'file':
      return { extract: async () => source.file };
    case 'job': {
      const [found] = await findAttachments(services, [source], who, Number.MAX_SAFE_INTEGER, () => 'source');
      const location = (found as { location: string }).location;
      return { extract: async () => location };
    }
    case 'http': {
      const { url, endpoint } = allowedUrl(source.url, config.webService.allowList, who.customer);
      const headers = new Headers();
      for (const [header, secret] of Object.entries(endpoint.headers ?? {})) {
        headers.set(header, config.webService.secrets[secret] ?? '');
      }
      const shown = url.origin + url.pathname;
      return {
        async extract(name) {
          const timeout = AbortSignal.timeout(config.webService.timeoutMs);
          let response: Response;
          try {
            response = await fetch(url, {
              headers,
              redirect: 'manual',
              signal: AbortSignal.any([signal, timeout]),
            });
          } catch (error) {
            signal.throwIfAborted();
            throw new WebServiceUnavailableError(
              shown,
              1,
              error instanceof Error ? error.message : String(error),
              error,
            );
          }
          if (response.status >= 500)
            throw new WebServiceUnavailableError(shown, 1, `status ${response.status}`);
          if (response.status >= 300) {
            throw new WebServiceRefusedError(shown, response.status, (await response.text()).slice(0, 200));
          }
          const body = await readResponseBody(response, store, {
            maxResultBytes: -1,
            maxResponseBytes: config.webService.maxResponseBytes,
            fileName: name,
            url: shown,
            owner,
          });
          if (body.kind === 'inline') throw new JobParamError('source.url', 'the response is empty');
          return body.file.location;
        },
      };
    }
    case 'sql': {
      const url = checkSqlSource(config.diStudio, source, who.customer);
      return {
        extract: async (name) => (await extractSql(url, source.query, store, name, signal, owner)).location,
      };
    }
  }
}

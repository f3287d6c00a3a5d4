import { defineJob, JobCancelledError, retryDelayMs, t } from '@hangar/core';
import { fileStoreOf, type StoredFile } from '@hangar/jobs-importexport';
import { z } from 'zod';
import { WebServiceRefusedError } from '../errors/web-service-refused-error.js';
import { WebServiceUnavailableError } from '../errors/web-service-unavailable-error.js';
import { customerParam, fileNameParam } from '../params/common-params.js';
import { jobCustomer } from '../params/job-customer.js';
import { cancellableDelay } from '../retry/cancellable-delay.js';
import { configOf } from '../services/other-services.js';
import { allowedUrl } from '../web/allowed-endpoint.js';
import { encodeBody } from '../web/request-body.js';
import { readResponseBody } from '../web/response-body.js';
import { retryAfterMs } from '../web/retry-after.js';

/** Type name of {@link webServiceJob}. */
export const WEB_SERVICE_JOB_TYPE = 'other.web-service';

/** Parameters of {@link webServiceJob}. Headers are not among them: they come from the settings' secrets. */
export const webServiceParams = z
  .object({
    /** Customer code: the job's tenant when absent. */
    customer: customerParam,
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    /** Absolute URL under an endpoint of the allow-list. */
    url: z.url({ protocol: /^https?$/ }),
    /** Query parameters added to the URL. */
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    /** A JSON body, or a form (`application/x-www-form-urlencoded`). */
    body: z
      .union([
        z.object({ json: z.unknown() }).strict(),
        z.object({ form: z.record(z.string(), z.string()) }).strict(),
      ])
      .optional(),
    /** Name of the output file when the response is stored as one; `response-<job id>` when absent. */
    fileName: fileNameParam,
  })
  .strict();

/** What {@link webServiceJob} returns: the response, inline when small and textual. */
export interface WebServiceResult {
  status: number;
  contentType: string;
  /** Tries it took (1 when the first answered). */
  attempts: number;
  /** The body (JSON parsed), when it is not a file. */
  body?: unknown;
  /** The stored body, when large or binary (also declared as the job's output file). */
  file?: StoredFile;
}

/** An answer worth another try: 5xx and 429. */
const retryableStatus = (status: number) => status >= 500 || status === 429;

/**
 * Calls an external HTTP service: the URL must fall under an endpoint of the allow-list, whose
 * headers come from named secrets of the settings. Each try has a timeout; 5xx, 429, timeouts and
 * network errors are tried again with exponential backoff and jitter, honouring `Retry-After`.
 * The response is the result, or an output file when large, written as it streams. Cancellation
 * aborts the request in flight.
 */
export const webServiceJob = defineJob<
  z.output<typeof webServiceParams>,
  WebServiceResult,
  z.input<typeof webServiceParams>
>({
  type: WEB_SERVICE_JOB_TYPE,
  description: t('other.job.webService'),
  params: webServiceParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const options = configOf(services).webService;
      const customer = jobCustomer(ctx, params.customer);
      const { url, endpoint } = allowedUrl(params.url, options.allowList, customer);
      for (const [name, value] of Object.entries(params.query ?? {}))
        url.searchParams.append(name, String(value));
      const shown = url.origin + url.pathname;
      const { body, contentType } = encodeBody(params.body);
      const headers = new Headers();
      for (const [header, secret] of Object.entries(endpoint.headers ?? {})) {
        headers.set(header, options.secrets[secret] ?? '');
      }
      if (contentType !== undefined) headers.set('content-type', contentType);
      let detail = '';
      let cause: unknown;
      let tries = 0;
      for (let attempt = 1; attempt <= options.attempts; attempt++) {
        ctx.checkpoint();
        tries = attempt;
        ctx.progress(t('other.progress.webServiceCall', { method: params.method, url: shown, attempt }), {
          current: attempt,
          total: options.attempts,
        });
        const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(options.timeoutMs)]);
        let wait: number | undefined;
        try {
          const response = await fetch(url, {
            method: params.method,
            headers,
            ...(body === undefined ? {} : { body }),
            redirect: 'manual',
            signal,
          });
          if (retryableStatus(response.status)) {
            detail = `status ${response.status}`;
            wait = retryAfterMs(response.headers.get('retry-after'));
            await response.body?.cancel();
            if (wait !== undefined && wait > options.maxRetryAfterMs) break;
          } else if (response.status >= 400) {
            const text = (await response.text()).slice(0, 200);
            throw new WebServiceRefusedError(shown, response.status, text);
          } else {
            const read = await readResponseBody(response, fileStoreOf(services), {
              maxResultBytes: options.maxResultBytes,
              maxResponseBytes: options.maxResponseBytes,
              fileName: params.fileName ?? `response-${ctx.jobId}`,
              url: shown,
              owner: ctx,
            });
            const base = { status: response.status, contentType: read.contentType, attempts: attempt };
            if (read.kind === 'inline') return { ...base, body: read.body };
            ctx.addOutputFile(read.file);
            return { ...base, file: read.file };
          }
        } catch (error) {
          if (ctx.signal.aborted) throw new JobCancelledError(ctx.jobId);
          if (error instanceof WebServiceRefusedError) throw error;
          cause = error;
          detail = signal.aborted ? `no answer within ${options.timeoutMs} ms` : networkProblem(error);
        }
        if (attempt < options.attempts) {
          ctx.warn(t('other.warning.webServiceRetry', { url: shown, attempt, detail }));
          const backoff = retryDelayMs(
            {
              maxAttempts: options.attempts,
              backoffMs: options.retryDelayMs,
              maxBackoffMs: options.maxRetryAfterMs,
              jitter: 0.5,
            },
            attempt,
          );
          await cancellableDelay(Math.max(wait ?? 0, backoff), ctx.signal);
        }
      }
      ctx.checkpoint();
      throw new WebServiceUnavailableError(shown, tries, detail, cause);
    },
  }),
});

function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}

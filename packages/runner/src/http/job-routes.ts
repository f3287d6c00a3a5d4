import { hasErrorCode, JobNotFoundError, type JobState } from '@hangar/core';
import type { FastifyInstance } from 'fastify';
import type { ApiContext, RequestScope } from './api-context.js';
import { requireAdmin } from './auth.js';
import { RequestInvalidError } from './http-errors.js';
import { renderJob, renderMessage } from './render-job.js';
import {
  commonQuerySchema,
  enqueueBodySchema,
  jobIdParamsSchema,
  listQuerySchema,
  parseRequest,
} from './request-schemas.js';
import type {
  CancelResponse,
  DeleteResponse,
  EnqueueResponse,
  JobPageView,
  JobView,
  RetryResponse,
} from './view-schemas.js';

/**
 * Registers `POST /jobs`, `GET /jobs`, `GET /jobs/:id`, `POST /jobs/:id/cancel`,
 * `POST /jobs/:id/retry` and `DELETE /jobs/:id`.
 */
export function registerJobRoutes(app: FastifyInstance, api: ApiContext): void {
  const { client } = api.options;
  const listQuery = listQuerySchema(api.options.defaultPageSize, api.options.maxPageSize);

  app.post('/jobs', { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const body = parseRequest(enqueueBodySchema, request.body, 'body');
    const options = body.options ?? {};
    // A system job has no tenant, so it may choose its customer through its params: admins only.
    if (options.system === true) requireAdmin(scope.caller, 'hangar.http.systemJobForbidden');
    // A parent of another customer reads as not found, as it would through GET /jobs/:id.
    for (const parent of options.parents ?? []) {
      if (!(await client.get(parent.id, { customerId: scope.customerId })))
        throw new JobNotFoundError(parent.id);
    }
    // Tenant and user come from the token only: a body cannot enqueue for someone else.
    const result = await client.enqueue(body.type, body.params ?? {}, {
      customerId: options.system === true ? undefined : scope.customerId,
      userId: scope.caller.userId,
      delayMs: options.delayMs,
      priority: options.priority,
      queue: options.queue,
      idempotencyKey: options.idempotencyKey,
      parents: options.parents,
    });
    const response: EnqueueResponse = {
      id: result.id,
      created: result.created,
      job: renderJob(result.job, scope.render),
    };
    // Stored either way; the caller learns now, not hours later, that nothing will run it yet.
    if (!(await api.coverage.serves(result.job.queue, result.job.type))) {
      const params = { queue: result.job.queue, type: result.job.type };
      response.warnings = [
        {
          code: 'QUEUE_NOT_SERVED',
          ...renderMessage({ key: 'hangar.http.queueNotServed', params }, scope.render),
        },
      ];
    }
    return reply
      .code(result.created ? 201 : 200)
      .header('location', `${api.prefix}/jobs/${encodeURIComponent(result.id)}`)
      .send(response);
  });

  app.get('/jobs', { exposeHeadRoute: false }, async (request) => {
    const { scope, query } = await api.scope(request, 'read', listQuery);
    const page = await client
      .list({
        customerId: scope.customerId,
        states: query.state as JobState[] | undefined,
        types: query.type,
        queue: query.queue,
        userId: query.userId,
        parentId: query.parentId,
        limit: query.limit,
        cursor: query.cursor,
      })
      .catch((error: unknown) => {
        // The adapter is the one that can tell its own cursors from others: a foreign or
        // edited cursor is the caller's input, named as the query parameter it came in.
        if (
          hasErrorCode(error, 'CONFIG_INVALID') &&
          (error as { params: { option?: unknown } }).params.option === 'cursor'
        ) {
          throw new RequestInvalidError([
            {
              path: 'query.cursor',
              message: 'pass the nextCursor of the previous page unchanged',
              code: 'invalid_cursor',
            },
          ]);
        }
        throw error;
      });
    const view: JobPageView = {
      items: page.items.map((job) => renderJob(job, scope.render)),
      nextCursor: page.nextCursor ?? null,
    };
    return view;
  });

  app.get('/jobs/:id', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    const job =
      (await client.get(id, { customerId: scope.customerId })) ?? (await systemJobFor(scope.caller, id));
    if (!job) throw new JobNotFoundError(id);
    const log = await client.getLog(id);
    const view: JobView = renderJob(job, scope.render, log);
    return view;
  });

  /** A system job (no customer), which only admins, who may enqueue them, can read. */
  async function systemJobFor(caller: RequestScope['caller'], id: string) {
    if (!caller.roles.includes('admin')) return undefined;
    const job = await client.get(id);
    return job?.customerId === undefined ? job : undefined;
  }

  app.post('/jobs/:id/cancel', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    const outcome = await client.cancel(id, { customerId: scope.customerId });
    const job = outcome === 'not-found' ? undefined : await client.get(id, { customerId: scope.customerId });
    if (!job || outcome === 'not-found') throw new JobNotFoundError(id);
    const response: CancelResponse = { id, outcome, job: renderJob(job, scope.render) };
    return response;
  });

  app.post('/jobs/:id/retry', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    const job = await client.retry(id, { customerId: scope.customerId });
    const response: RetryResponse = { id, job: renderJob(job, scope.render) };
    return response;
  });

  app.delete('/jobs/:id', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    await client.delete(id, { customerId: scope.customerId });
    const response: DeleteResponse = { id, deleted: true };
    return response;
  });
}

import { JobNotFoundError } from '@hangar/core';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './api-context.js';
import { JobChangeHub } from './change-hub.js';
import { eventsQuerySchema, jobIdParamsSchema, parseRequest } from './request-schemas.js';
import { JobEventStream } from './sse-stream.js';

/** Registers `GET /jobs/:id/events`, and ends every open stream when the server closes. */
export function registerSseRoute(app: FastifyInstance, api: ApiContext): void {
  const { client } = api.options;
  const hub = new JobChangeHub(client.queue);
  const open = new Set<JobEventStream>();

  // Streams never end by themselves before their job does; without this, close() would wait for them.
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.close();
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });

  app.get('/jobs/:id/events', { exposeHeadRoute: false }, async (request, reply) => {
    const { scope, query } = await api.scope(request, 'read', eventsQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    // Checked before the stream opens, so another customer's id gets a plain JSON 404.
    const job = await client.get(id, { customerId: scope.customerId });
    if (!job) throw new JobNotFoundError(id);
    const header = request.headers['last-event-id'];
    const resumeFrom = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : undefined;
    reply.hijack();
    const stream: JobEventStream = new JobEventStream(
      {
        client,
        hub,
        jobId: id,
        customerId: scope.customerId,
        render: scope.render,
        raw: reply.raw,
        heartbeatMs: api.options.sseHeartbeatMs,
        pollMs: api.options.ssePollMs,
        log: request.log,
        onClose: () => open.delete(stream),
      },
      query.after ?? resumeFrom ?? 0,
    );
    open.add(stream);
    try {
      await stream.start();
    } catch (error) {
      request.log.error({ err: error, jobId: id }, 'Event stream failed');
      stream.close();
    }
  });
}

import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './api-context.js';
import { renderJobType } from './render-job.js';
import { commonQuerySchema } from './request-schemas.js';

/** Registers `GET /job-types`: what can be enqueued. */
export function registerCatalogRoutes(app: FastifyInstance, api: ApiContext): void {
  const { client } = api.options;

  app.get('/job-types', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const items = client.registry
      .describe()
      .map((info) => renderJobType(info, client.registry.get(info.type).description, scope.render));
    return { items };
  });
}

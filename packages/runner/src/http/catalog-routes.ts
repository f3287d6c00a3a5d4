import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './api-context.js';
import { renderJobType, renderSchedule } from './render-job.js';
import { commonQuerySchema } from './request-schemas.js';

/** Registers `GET /job-types` and `GET /schedules`: what can be enqueued, and what runs by itself. */
export function registerCatalogRoutes(app: FastifyInstance, api: ApiContext): void {
  const { client } = api.options;

  app.get('/job-types', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const items = client.registry
      .describe()
      .map((info) => renderJobType(info, client.registry.get(info.type).description, scope.render));
    return { items };
  });

  app.get('/schedules', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const isAdmin = scope.caller.roles.includes('admin');
    const all = await client.schedules.list();
    // A schedule belongs to the customer it enqueues for; system schedules (no customer) are for admins only.
    const visible = all.filter((s) =>
      s.options.customerId === undefined ? isAdmin : s.options.customerId === scope.customerId,
    );
    return { items: visible.map(renderSchedule) };
  });
}

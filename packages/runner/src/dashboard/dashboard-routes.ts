import { ConfigurationError, JobNotFoundError } from '@hangar/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiContext } from '../http/api-context.js';
import { commonQuerySchema, jobIdParamsSchema, parseRequest } from '../http/request-schemas.js';
import { type DashboardAssets, loadDashboardAssets } from './dashboard-assets.js';
import { dashboardMessages } from './dashboard-messages.js';
import { DASHBOARD_CSP, DASHBOARD_PAGE } from './dashboard-page.js';
import { buildOverview } from './overview.js';

/** Who the page is signed in as: what `GET /dashboard/api/me` answers. */
export interface DashboardIdentity {
  /** User of the token. */
  userId: string;
  /** Customer the calls act for (an admin's `?customerId=`, else the token's). */
  customerId: string;
  /** Roles of the token, which decide the buttons the page shows (the server checks each call anyway). */
  roles: readonly string[];
}

function sendFile(reply: FastifyReply, type: string, body: string | Buffer): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-security-policy', DASHBOARD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-cache')
    .send(body);
}

/**
 * Registers the dashboard under `/dashboard`: a static shell and its script and style (no token
 * needed: they hold no data), and two small read routes the page needs besides the API
 * (`api/me`, `api/overview`, `api/jobs/:id/params`), behind the API's authentication and tenant rules.
 */
export function registerDashboard(
  app: FastifyInstance,
  api: ApiContext,
  assets: DashboardAssets = loadDashboardAssets(),
): void {
  api.translator.register(dashboardMessages);
  // The page's relative links (app.js, ../jobs) need the trailing slash.
  app.get('/dashboard', { exposeHeadRoute: false }, async (_request, reply) =>
    reply.redirect(`${api.prefix}/dashboard/`, 302),
  );
  app.get('/dashboard/', { exposeHeadRoute: false }, async (_request, reply) =>
    sendFile(reply, 'text/html; charset=utf-8', DASHBOARD_PAGE),
  );
  app.get('/dashboard/app.js', { exposeHeadRoute: false }, async (_request, reply) =>
    sendFile(reply, 'text/javascript; charset=utf-8', assets.script),
  );
  app.get('/dashboard/app.css', { exposeHeadRoute: false }, async (_request, reply) =>
    sendFile(reply, 'text/css; charset=utf-8', assets.style),
  );
  app.get('/dashboard/api/me', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const identity: DashboardIdentity = {
      userId: scope.caller.userId,
      customerId: scope.customerId,
      roles: scope.caller.roles,
    };
    return identity;
  });
  app.get('/dashboard/api/overview', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    return buildOverview(api.options.client, scope.customerId);
  });
  // The job view leaves parameters out; the page shows them, under the same tenant rule as GET /jobs/:id.
  app.get('/dashboard/api/jobs/:id/params', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    const job = await api.options.client.get(id, { customerId: scope.customerId });
    if (!job) throw new JobNotFoundError(id);
    return { id, params: job.params };
  });
}

/** Whether the `dashboard` option turns the dashboard on; anything but a boolean is refused by name. */
export function dashboardEnabled(value: unknown): boolean {
  if (value === undefined || typeof value === 'boolean') return value === true;
  throw new ConfigurationError('dashboard', 'pass true to serve the dashboard under /dashboard, or false');
}

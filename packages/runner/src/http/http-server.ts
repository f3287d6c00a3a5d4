import { randomUUID } from 'node:crypto';
import type { default as Fastify, FastifyInstance, FastifyPluginAsync, FastifyServerOptions } from 'fastify';
import { dashboardEnabled, registerDashboard } from '../dashboard/dashboard-routes.js';
import { requireDriver } from '../drivers/optional-driver.js';
import { ApiContext } from './api-context.js';
import { Authenticator } from './auth.js';
import { registerCatalogRoutes } from './catalog-routes.js';
import { registerDocsPage } from './docs-page.js';
import {
  clientErrorReply,
  frameworkErrorReply,
  installErrorReplies,
  routeNotFoundReply,
} from './error-replies.js';
import { registerFileRoute } from './file-route.js';
import { registerHealthRoutes } from './health-routes.js';
import { httpMessages } from './http-messages.js';
import { type HangarHttpOptions, resolveHttpOptions } from './http-options.js';
import { registerJobRoutes } from './job-routes.js';
import { registerMetricsRoute } from './metrics-route.js';
import { registerOpenApiRoute } from './openapi.js';
import { registerScheduleRoutes } from './schedule-routes.js';
import { registerSseRoute } from './sse-route.js';
import { registerTriggerRoutes } from './trigger-routes.js';
import { registerWorkflowRoutes } from './workflow-routes.js';

/**
 * The API as a fastify plugin, for mounting inside an existing service:
 * `app.register(hangarHttpPlugin, { prefix: '/hangar', client, auth })`. Its error handler and
 * routes stay inside the plugin's scope, so the host's own routes are untouched.
 */
export const hangarHttpPlugin: FastifyPluginAsync<HangarHttpOptions> = async (app, options) => {
  const resolved = resolveHttpOptions(options);
  // One translator renders both the jobs' messages and the API's own.
  const translator = resolved.client.registry.translator.register(httpMessages);
  const api = new ApiContext(resolved, translator, new Authenticator(resolved.auth), app.prefix);

  // A client with tracing on loads @opentelemetry/api now: missing, it stops the server from
  // starting rather than failing the first enqueue as if the caller's request were wrong.
  await resolved.client.tracing();
  installErrorReplies(app, translator, resolved.logger);
  // Under a prefix the API answers unknown routes of its own in its format; at the root, the
  // not-found handler is the instance's (createHttpServer sets the same one there).
  if (app.prefix !== '') app.setNotFoundHandler(routeNotFoundReply(translator, resolved.logger));
  registerJobRoutes(app, api);
  registerSseRoute(app, api);
  registerFileRoute(app, api);
  registerCatalogRoutes(app, api);
  registerScheduleRoutes(app, api);
  registerWorkflowRoutes(app, api);
  registerTriggerRoutes(app, api);
  registerOpenApiRoute(app, api);
  registerDocsPage(app);
  registerHealthRoutes(app, api);
  if (resolved.metrics) await registerMetricsRoute(app, api, resolved.metrics);
  if (dashboardEnabled(options.dashboard)) registerDashboard(app, api);
};

/** Options of the standalone server: the API's options plus those of the fastify instance. */
export interface HttpServerOptions extends HangarHttpOptions {
  /**
   * Options of the fastify instance (logger, bodyLimit, trustProxy, ...). Without `logger` or
   * `loggerInstance`, fastify's logger writes warnings and errors (JSON lines on stdout), so
   * failed requests are never silent; without `genReqId`, request ids are random UUIDs.
   * @defaultValue {}
   */
  fastify?: FastifyServerOptions;
}

/**
 * A fastify instance serving the API at the root; call `.listen({ port, host })` on it and
 * `.close()` to stop. Options are checked now, so a bad token table fails before listening.
 * Every error, fastify's and Node's own refusals included (unknown route, over-long path
 * segment, bad URL, headers too large), has the API's JSON body.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const { fastify: fastifyOptions = {}, ...apiOptions } = options ?? ({} as HttpServerOptions);
  const resolved = resolveHttpOptions(apiOptions);
  // fastify is an optional peer: loaded on first use, with one clear error when it is missing.
  const fastify = requireDriver<typeof Fastify>('fastify', 'The HTTP API (@hangar/runner/http)');
  const translator = resolved.client.registry.translator.register(httpMessages);
  const hasLogger = fastifyOptions.logger !== undefined || fastifyOptions.loggerInstance !== undefined;
  const app = fastify({
    genReqId: () => randomUUID(),
    ...(hasLogger ? {} : { logger: { level: 'warn' } }),
    frameworkErrors: frameworkErrorReply(translator, resolved.logger),
    clientErrorHandler: clientErrorReply(translator),
    ...fastifyOptions,
  });
  installErrorReplies(app, translator, resolved.logger);
  app.setNotFoundHandler(routeNotFoundReply(translator, resolved.logger));
  void app.register(hangarHttpPlugin, apiOptions);
  return app;
}

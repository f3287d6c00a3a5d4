import type {
  default as Fastify,
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { requireDriver } from '../drivers/optional-driver.js';
import { ApiContext } from './api-context.js';
import { Authenticator } from './auth.js';
import { registerCatalogRoutes } from './catalog-routes.js';
import { registerFileRoute } from './file-route.js';
import { RouteNotFoundError, toErrorResponse } from './http-errors.js';
import { httpMessages } from './http-messages.js';
import { type HangarHttpOptions, resolveHttpOptions } from './http-options.js';
import { registerJobRoutes } from './job-routes.js';
import { negotiateLanguage } from './language.js';
import { registerOpenApiRoute } from './openapi.js';
import { registerSseRoute } from './sse-route.js';

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

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorResponse(error, translator, api.languageOf(request), request.id);
    if (status >= 500) request.log.error({ err: error }, 'Hangar API request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(status).header('content-language', api.languageOf(request)).send(body);
  });

  registerJobRoutes(app, api);
  registerSseRoute(app, api);
  registerFileRoute(app, api);
  registerCatalogRoutes(app, api);
  registerOpenApiRoute(app, api);
};

/** Options of the standalone server: the API's options plus those of the fastify instance. */
export interface HttpServerOptions extends HangarHttpOptions {
  /** Options of the fastify instance (logger, bodyLimit, trustProxy, ...). @defaultValue {} */
  fastify?: FastifyServerOptions;
}

/**
 * A fastify instance serving the API at the root; call `.listen({ port, host })` on it and
 * `.close()` to stop. Options are checked now, so a bad token table fails before listening.
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const { fastify: fastifyOptions, ...apiOptions } = options ?? ({} as HttpServerOptions);
  const resolved = resolveHttpOptions(apiOptions);
  const fastify = requireDriver<typeof Fastify>('fastify', 'The HTTP API (@hangar/runner/http)');
  const app = fastify({ ...fastifyOptions });
  const translator = resolved.client.registry.translator.register(httpMessages);
  app.setNotFoundHandler((request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const lang = negotiateLanguage(
      translator.languages(),
      typeof query?.lang === 'string' ? query.lang : undefined,
      request.headers['accept-language'],
    );
    const path = request.url.split('?')[0] ?? request.url;
    const { status, body } = toErrorResponse(
      new RouteNotFoundError(request.method, path),
      translator,
      lang,
      request.id,
    );
    return reply.code(status).send(body);
  });
  void app.register(hangarHttpPlugin, apiOptions);
  return app;
}

import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger, Translator } from '@hangar/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { echoedPath, RouteNotFoundError, toErrorResponse } from './http-errors.js';
import { negotiateLanguage } from './language.js';

/** The request header (and response header) carrying the request id. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The caller's language, read from the raw request so that even early errors are rendered in it. */
export function requestLanguage(translator: Translator, request: FastifyRequest): string {
  const query = request.query as Record<string, unknown> | undefined;
  const lang = typeof query?.lang === 'string' ? query.lang : undefined;
  return negotiateLanguage(translator.languages(), lang, request.headers['accept-language']);
}

/** Where a request's failures are logged: the API's `logger` option, else fastify's request logger. */
export function requestLogger(logger: Logger | undefined, request: FastifyRequest): Logger {
  // fastify's logger is pino's, which the Logger contract is the subset of; only the overloads' typings differ.
  return logger ?? (request.log as unknown as Logger);
}

/**
 * Sends the API's error body for any error. A 500 is logged with its cause and the request id
 * the caller receives, so "the details are in the server log" is true.
 */
export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  translator: Translator,
  logger: Logger | undefined,
): FastifyReply {
  const lang = requestLanguage(translator, request);
  const { status, body } = toErrorResponse(error, translator, lang, request.id);
  if (status >= 500) {
    requestLogger(logger, request).error(
      { err: error, requestId: request.id, method: request.method, url: echoedPath(request.url) },
      'Hangar API request failed',
    );
  }
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).header(REQUEST_ID_HEADER, request.id).header('content-language', lang).send(body);
}

/** Installs the API's error handler on `app` (its scope) and sends every reply with its request id. */
export function installErrorReplies(
  app: FastifyInstance,
  translator: Translator,
  logger: Logger | undefined,
): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    sendError(error, request, reply, translator, logger),
  );
}

/** Not-found handler of the standalone server: `ROUTE_NOT_FOUND` in the API's format. */
export function routeNotFoundReply(translator: Translator, logger: Logger | undefined) {
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
    sendError(
      new RouteNotFoundError(request.method, echoedPath(request.url)),
      request,
      reply,
      translator,
      logger,
    );
}

/**
 * fastify's `frameworkErrors` option: a URL that is not valid or has an over-long path segment
 * is refused before routing, and would otherwise get fastify's own body.
 */
export function frameworkErrorReply(translator: Translator, logger: Logger | undefined) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    void sendError(error, request, reply, translator, logger);
  };
}

/**
 * fastify's `clientErrorHandler` option: Node refuses over-large headers (or URL) and slow
 * requests before there is a request to route, so the body is written to the socket here, in
 * English (the headers that would name a language are what could not be read).
 */
export function clientErrorReply(translator: Translator) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const statusCode =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const requestId = randomUUID();
    const { status, body } = toErrorResponse(
      { code: error.code ?? 'bad_request', statusCode },
      translator,
      'en',
      requestId,
    );
    const text = JSON.stringify(body);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
          `${REQUEST_ID_HEADER}: ${requestId}\r\nConnection: close\r\n\r\n${text}`,
      );
    }
    socket.destroy(error);
  };
}

import type { Logger, Translator } from '@hangar/core';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type Authenticator,
  actingCustomer,
  type Caller,
  type Permission,
  requirePermission,
} from './auth.js';
import { requestLanguage, requestLogger } from './error-replies.js';
import type { ResolvedHttpOptions } from './http-options.js';
import { QueueCoverage } from './queue-coverage.js';
import type { RenderContext } from './render-job.js';
import { parseRequest } from './request-schemas.js';

/** Who is calling, for which customer, in which language: what every handler needs first. */
export interface RequestScope {
  /** The authenticated caller. */
  caller: Caller;
  /** The customer every read and change is restricted to. */
  customerId: string;
  /** How to render messages for this caller. */
  render: RenderContext;
}

/** Shared state of one mounted API: options, the translator, the authenticator and the mount prefix. */
export class ApiContext {
  /** Which queues the live runners serve. */
  readonly coverage: QueueCoverage;

  constructor(
    /** Resolved options. */
    readonly options: ResolvedHttpOptions,
    /** Renders job and API messages. */
    readonly translator: Translator,
    /** Checks bearer tokens. */
    readonly authenticator: Authenticator,
    /** Path prefix the API is mounted under ('' standalone). */
    readonly prefix: string,
  ) {
    this.coverage = new QueueCoverage(options.client.queue);
  }

  /** The caller's language. */
  languageOf(request: FastifyRequest): string {
    return requestLanguage(this.translator, request);
  }

  /** Where this request's failures are logged: the `logger` option, else fastify's request logger. */
  logOf(request: FastifyRequest): Logger {
    return requestLogger(this.options.logger, request);
  }

  /**
   * Authenticates the request, then parses its query, then checks the permission and the
   * `?customerId=` the caller may use. Every handler starts here, so none can skip the tenant
   * check, and an anonymous caller learns nothing about the query rules.
   */
  async scope<S extends z.ZodType<{ customerId?: string | undefined }>>(
    request: FastifyRequest,
    permission: Permission,
    querySchema: S,
  ): Promise<{ scope: RequestScope; query: z.output<S> }> {
    const caller = await this.authenticator.authenticate(request.headers.authorization);
    const query = parseRequest(querySchema, request.query, 'query');
    requirePermission(caller, permission);
    const customerId = actingCustomer(caller, query.customerId);
    const render = { translator: this.translator, lang: this.languageOf(request), prefix: this.prefix };
    return { scope: { caller, customerId, render }, query };
  }
}

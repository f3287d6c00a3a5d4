import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import {
  commonQuerySchema,
  enqueueBodySchema,
  eventsQuerySchema,
  listQuerySchema,
} from './request-schemas.js';
import {
  cancelResponseSchema,
  enqueueResponseSchema,
  errorBodySchema,
  jobPageViewSchema,
  jobTypeViewSchema,
  jobViewSchema,
  scheduleViewSchema,
} from './view-schemas.js';

/** A JSON schema object. */
export type JsonSchema = Record<string, unknown>;

/** The parts of an OpenAPI 3.1 document this API produces. */
export interface OpenApiDocument {
  /** OpenAPI version. */
  openapi: '3.1.0';
  /** Title and version of the API. */
  info: { title: string; version: string; description: string };
  /** Base URL: the mount prefix, so the paths stay the same standalone and embedded. */
  servers: Array<{ url: string }>;
  /** Operations by path (`/jobs/{id}`) and lower-case method. */
  paths: Record<string, Record<string, JsonSchema>>;
  /** Shared schemas and the bearer scheme. */
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  /** Every operation needs the bearer token. */
  security: Array<Record<string, string[]>>;
}

/** Settings of the document that depend on the server. */
export interface OpenApiSettings {
  /** `info.title`. */
  title: string;
  /** `info.version`. */
  version: string;
  /** Mount prefix ('' standalone). */
  prefix: string;
  /** Default page size of the listing. */
  defaultPageSize: number;
  /** Largest page size of the listing. */
  maxPageSize: number;
}

type Role = 'viewer' | 'operator';

interface OperationDoc {
  method: 'get' | 'post';
  path: string;
  summary: string;
  role: Role;
  query: z.ZodObject;
  body?: z.ZodType;
  ok: { status: number; description: string; content: Record<string, { schema: JsonSchema }> };
  errors: number[];
  pathParams?: string[];
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'PARAMS_INVALID, JOB_TYPE_UNKNOWN or REQUEST_INVALID, with field issues',
  401: 'UNAUTHORIZED: missing or unknown bearer token',
  403: "FORBIDDEN: the token's roles do not allow this, or ?customerId= without the admin role",
  404: "JOB_NOT_FOUND (also for another customer's job) or FILE_NOT_FOUND",
};

function queryParameters(query: z.ZodObject): JsonSchema[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = toSchema(field as z.ZodType, 'input');
    const description =
      typeof schema.description === 'string'
        ? schema.description
        : name === 'lang'
          ? 'Language of the messages (wins over Accept-Language), e.g. fr'
          : name === 'customerId'
            ? 'Admin tokens only: act for this customer'
            : undefined;
    delete schema.description;
    return { name, in: 'query', required: false, schema, ...(description ? { description } : {}) };
  });
}

function operations(settings: OpenApiSettings): OperationDoc[] {
  const common = commonQuerySchema;
  return [
    {
      method: 'post',
      path: '/jobs',
      summary: 'Enqueue a job for the caller’s customer',
      role: 'operator',
      query: common,
      body: enqueueBodySchema,
      errors: [400, 401, 403],
      ok: {
        status: 201,
        description: 'Enqueued (200 when the idempotency key matched an earlier job)',
        content: json(ref('EnqueueResponse')),
      },
    },
    {
      method: 'get',
      path: '/jobs',
      summary: 'List the caller’s jobs, newest first',
      role: 'viewer',
      query: listQuerySchema(settings.defaultPageSize, settings.maxPageSize),
      errors: [400, 401, 403],
      ok: { status: 200, description: 'One page of jobs', content: json(ref('JobPage')) },
    },
    {
      method: 'get',
      path: '/jobs/{id}',
      summary: 'A job with its messages, warnings, errors, result and files',
      role: 'viewer',
      query: common,
      pathParams: ['id'],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: 'The job, rendered in the caller’s language',
        content: json(ref('Job')),
      },
    },
    {
      method: 'post',
      path: '/jobs/{id}/cancel',
      summary: 'Cancel a job',
      role: 'operator',
      query: common,
      pathParams: ['id'],
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: 'What the cancellation did', content: json(ref('CancelResponse')) },
    },
    {
      method: 'get',
      path: '/jobs/{id}/events',
      summary: 'Live progress and state as server-sent events',
      role: 'viewer',
      query: eventsQuerySchema,
      pathParams: ['id'],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description:
          'Events: `progress` and `message` (a log entry, `id` = its seq, resumable with Last-Event-ID), `state` ({ id, state, job }) on each change, `end` once terminal, then the stream closes.',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
    },
    {
      method: 'get',
      path: '/jobs/{id}/files/{name}',
      summary: 'Download an output file of a job',
      role: 'viewer',
      query: common,
      pathParams: ['id', 'name'],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: 'The file, with its media type',
        content: {
          'application/octet-stream': {
            schema: { type: 'string', contentMediaType: 'application/octet-stream' },
          },
        },
      },
    },
    {
      method: 'get',
      path: '/job-types',
      summary: 'Job types with the JSON schema of their parameters',
      role: 'viewer',
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: 'Every registered job type',
        content: json({
          type: 'object',
          properties: { items: { type: 'array', items: ref('JobType') } },
          required: ['items'],
        }),
      },
    },
    {
      method: 'get',
      path: '/schedules',
      summary: 'Recurring schedules of the caller’s customer, with their next run',
      role: 'viewer',
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: 'The schedules',
        content: json({
          type: 'object',
          properties: { items: { type: 'array', items: ref('Schedule') } },
          required: ['items'],
        }),
      },
    },
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This document',
      role: 'viewer',
      query: common,
      errors: [401, 403],
      ok: { status: 200, description: 'OpenAPI 3.1 document of the API', content: json({ type: 'object' }) },
    },
  ];
}

/** Builds the OpenAPI 3.1 document of the API from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(settings: OpenApiSettings): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations(settings)) {
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...queryParameters(op.query),
    ];
    const responses: JsonSchema = {
      [String(op.ok.status)]: { description: op.ok.description, content: op.ok.content },
    };
    if (op.method === 'post' && op.path === '/jobs') {
      responses['200'] = {
        description: 'An earlier job with the same idempotency key',
        content: op.ok.content,
      };
    }
    for (const status of op.errors) {
      responses[String(status)] = {
        description: ERROR_DESCRIPTIONS[status] ?? 'Error',
        content: json(ref('Error')),
      };
    }
    const operation: JsonSchema = {
      operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: op.summary,
      description: `Needs the ${op.role} role (or a higher one).`,
      parameters,
      responses,
    };
    if (op.body) operation.requestBody = { required: true, content: json(toSchema(op.body, 'input')) };
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, JsonSchema>)[op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: settings.title,
      version: settings.version,
      description:
        'Enqueue, follow, cancel and list background jobs. Every call needs `Authorization: Bearer <token>`; a token only ever sees its own customer’s jobs.',
    },
    servers: [{ url: settings.prefix || '/' }],
    paths,
    components: {
      schemas: {
        Job: toSchema(jobViewSchema, 'output'),
        JobPage: toSchema(jobPageViewSchema, 'output'),
        EnqueueResponse: toSchema(enqueueResponseSchema, 'output'),
        CancelResponse: toSchema(cancelResponseSchema, 'output'),
        JobType: toSchema(jobTypeViewSchema, 'output'),
        Schedule: toSchema(scheduleViewSchema, 'output'),
        Error: toSchema(errorBodySchema, 'output'),
      },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ bearerAuth: [] }],
  };
}

/** Registers `GET /openapi.json`; the document is built once, at registration. */
export function registerOpenApiRoute(app: FastifyInstance, api: ApiContext): void {
  const document = buildOpenApiDocument({
    title: api.options.title,
    version: api.options.version,
    prefix: api.prefix,
    defaultPageSize: api.options.defaultPageSize,
    maxPageSize: api.options.maxPageSize,
  });
  app.get('/openapi.json', { exposeHeadRoute: false }, async (request) => {
    await api.scope(request, 'read', commonQuerySchema);
    return document;
  });
}

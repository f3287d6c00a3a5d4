import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './api-context.js';
import {
  ERROR_DESCRIPTIONS,
  type JsonSchema,
  json,
  type OpenApiSettings,
  operations,
  queryParameters,
  ref,
  toSchema,
} from './openapi-operations.js';
import { commonQuerySchema, enqueueBodySchema } from './request-schemas.js';
import { triggerOperations } from './trigger-operations.js';
import {
  triggerDeleteResponseSchema,
  triggerSaveResponseSchema,
  triggerViewSchema,
} from './trigger-schemas.js';
import {
  cancelResponseSchema,
  deleteResponseSchema,
  enqueueResponseSchema,
  errorBodySchema,
  healthViewSchema,
  jobPageViewSchema,
  jobTypeViewSchema,
  jobViewSchema,
  readinessViewSchema,
  retryResponseSchema,
  scheduleDeleteResponseSchema,
  scheduleSaveResponseSchema,
  scheduleTriggerResponseSchema,
  scheduleViewSchema,
} from './view-schemas.js';
import { workflowApiViewSchema, workflowCancelResponseSchema } from './workflow-view-schema.js';

export type { JsonSchema, OpenApiSettings } from './openapi-operations.js';

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
  /** Every operation needs the bearer token, but those whose own `security` is empty. */
  security: Array<Record<string, string[]>>;
}

/** Component name of a job type's parameters (`Params.math.add`). */
function paramsSchemaName(type: string): string {
  return `Params.${type.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

function objectSchema(schema: unknown): JsonSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return {};
  const copy = { ...(schema as JsonSchema) };
  delete copy.$schema;
  return copy;
}

/**
 * The body of `POST /jobs`: one variant per job type, each with `type` fixed and `params`
 * described by that type's input schema (a field with a default is optional), so an OpenAPI
 * client can check the parameters before sending them.
 */
function enqueueBodyByType(settings: OpenApiSettings): JsonSchema {
  const generic = toSchema(enqueueBodySchema, 'input');
  if (settings.jobTypes.length === 0) return generic;
  const properties = (generic.properties ?? {}) as Record<string, JsonSchema>;
  return {
    oneOf: settings.jobTypes.map((t) => ({
      ...generic,
      title: t.type,
      properties: { ...properties, type: { const: t.type }, params: ref(paramsSchemaName(t.type)) },
    })),
  };
}

/** Builds the OpenAPI 3.1 document of the API from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(settings: OpenApiSettings): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of [...operations(settings), ...triggerOperations(commonQuerySchema)]) {
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
      description: op.role === 'public' ? 'Needs no token.' : `Needs the ${op.role} role (or a higher one).`,
      parameters,
      responses,
    };
    if (op.role === 'public') operation.security = [];
    if (op.body === enqueueBodySchema) {
      operation.requestBody = { required: true, content: json(enqueueBodyByType(settings)) };
    } else if (op.body) {
      operation.requestBody = { required: true, content: json(toSchema(op.body, 'input')) };
    }
    paths[op.path] ??= {};
    (paths[op.path] as Record<string, JsonSchema>)[op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: settings.title,
      version: settings.version,
      description:
        'Enqueue, follow, cancel and list background jobs. Every call but /health, /ready, /openapi.json and /docs needs `Authorization: Bearer <token>`; a token only ever sees its own customer’s jobs.',
    },
    servers: [{ url: settings.prefix || '/' }],
    paths,
    components: {
      schemas: {
        Job: toSchema(jobViewSchema, 'output'),
        JobPage: toSchema(jobPageViewSchema, 'output'),
        EnqueueResponse: toSchema(enqueueResponseSchema, 'output'),
        CancelResponse: toSchema(cancelResponseSchema, 'output'),
        RetryResponse: toSchema(retryResponseSchema, 'output'),
        Workflow: toSchema(workflowApiViewSchema, 'output'),
        WorkflowCancelResponse: toSchema(workflowCancelResponseSchema, 'output'),
        ScheduleSaveResponse: toSchema(scheduleSaveResponseSchema, 'output'),
        ScheduleTriggerResponse: toSchema(scheduleTriggerResponseSchema, 'output'),
        ScheduleDeleteResponse: toSchema(scheduleDeleteResponseSchema, 'output'),
        DeleteResponse: toSchema(deleteResponseSchema, 'output'),
        JobType: toSchema(jobTypeViewSchema, 'output'),
        Schedule: toSchema(scheduleViewSchema, 'output'),
        Trigger: toSchema(triggerViewSchema, 'output'),
        TriggerSaveResponse: toSchema(triggerSaveResponseSchema, 'output'),
        TriggerDeleteResponse: toSchema(triggerDeleteResponseSchema, 'output'),
        Error: toSchema(errorBodySchema, 'output'),
        Health: toSchema(healthViewSchema, 'output'),
        Readiness: toSchema(readinessViewSchema, 'output'),
        ...Object.fromEntries(
          settings.jobTypes.map((t) => [paramsSchemaName(t.type), objectSchema(t.paramsSchema)]),
        ),
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
    jobTypes: api.options.client.registry.describe(),
    metrics: api.options.metrics !== undefined,
  });
  // Readable without a token, so that any OpenAPI tool can fetch it; it names routes and job
  // types, which are no secret, and never a job.
  app.get('/openapi.json', { exposeHeadRoute: false }, async () => document);
}

import { z } from 'zod';
import {
  commonQuerySchema,
  enqueueBodySchema,
  eventsQuerySchema,
  listQuerySchema,
  scheduleBodySchema,
} from './request-schemas.js';

/** A JSON schema object. */
export type JsonSchema = Record<string, unknown>;

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
  /** Whether `GET /metrics` is served. */
  metrics: boolean;
  /** The job types a caller may enqueue, with the JSON schema of their parameters as sent. */
  jobTypes: ReadonlyArray<{ type: string; paramsSchema: unknown }>;
}

/** Who may call an operation: anyone, or a token with this role (or a higher one). */
export type OperationRole = 'public' | 'viewer' | 'operator' | 'admin';

/** What the document says of one route. */
export interface OperationDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  role: OperationRole;
  query: z.ZodObject;
  body?: z.ZodType;
  ok: { status: number; description: string; content: Record<string, { schema: JsonSchema }> };
  errors: number[];
  pathParams?: string[];
}

/** The JSON schema of a zod schema, as read (`input`) or as written (`output`). */
export function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** A reference to a shared schema. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
/** A JSON body of this schema. */
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

/** What each error status means, for the responses of every operation. */
export const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'PARAMS_INVALID, JOB_TYPE_UNKNOWN or REQUEST_INVALID, with field issues',
  401: 'UNAUTHORIZED: missing or unknown bearer token',
  403: "FORBIDDEN: the token's roles do not allow this, or ?customerId= without the admin role",
  404: "JOB_NOT_FOUND, SCHEDULE_NOT_FOUND or TRIGGER_NOT_FOUND (also for another customer's job, schedule or trigger), or FILE_NOT_FOUND",
  409: 'JOB_STATE_CONFLICT: the job’s state does not allow this (retry: not Failed or Cancelled, or its parent has not succeeded; delete: not finished); SCHEDULE_NAME_TAKEN or TRIGGER_NAME_TAKEN: the name belongs to another owner',
};

/** The query parameters of an operation, from its query schema. */
export function queryParameters(query: z.ZodObject): JsonSchema[] {
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

/** Every route of the API, as documented. */
export function operations(settings: OpenApiSettings): OperationDoc[] {
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
      method: 'post',
      path: '/jobs/{id}/retry',
      summary: 'Run a Failed or Cancelled job again (same id, fresh attempts, log kept)',
      role: 'operator',
      query: common,
      pathParams: ['id'],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: 'The job, Enqueued again', content: json(ref('RetryResponse')) },
    },
    {
      method: 'get',
      path: '/workflows/{id}',
      summary: 'A workflow as one unit: its state, its steps with their states and progress, its outputs',
      role: 'viewer',
      query: common,
      pathParams: ['id'],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: 'The workflow, rendered in the caller’s language',
        content: json(ref('Workflow')),
      },
    },
    {
      method: 'post',
      path: '/workflows/{id}/cancel',
      summary: 'Cancel a workflow: its job and every step still waiting or running',
      role: 'operator',
      query: common,
      pathParams: ['id'],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: 'What the cancellation did',
        content: json(ref('WorkflowCancelResponse')),
      },
    },
    {
      method: 'post',
      path: '/workflows/{id}/steps/{step}/retry',
      summary:
        'Run a Failed or Cancelled step of an ended workflow again, without rerunning the steps that succeeded',
      role: 'operator',
      query: common,
      pathParams: ['id', 'step'],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: 'The workflow, running again', content: json(ref('Workflow')) },
    },
    {
      method: 'delete',
      path: '/jobs/{id}',
      summary: 'Delete a finished job with its log',
      role: 'operator',
      query: common,
      pathParams: ['id'],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: 'Deleted', content: json(ref('DeleteResponse')) },
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
      method: 'put',
      path: '/schedules/{name}',
      summary: 'Create or replace a recurring schedule of the caller’s customer',
      role: 'operator',
      query: common,
      pathParams: ['name'],
      body: scheduleBodySchema,
      errors: [400, 401, 403, 409],
      ok: {
        status: 201,
        description:
          'Created (200 when the caller’s schedule of that name was replaced); `system: true` needs the admin role',
        content: json(ref('ScheduleSaveResponse')),
      },
    },
    ...(['pause', 'resume'] as const).map(
      (action): OperationDoc => ({
        method: 'post',
        path: `/schedules/{name}/${action}`,
        summary:
          action === 'pause'
            ? 'Stop a schedule from firing'
            : 'Fire a paused schedule again from its next cron time',
        role: 'operator',
        query: common,
        pathParams: ['name'],
        errors: [400, 401, 403, 404],
        ok: { status: 200, description: 'The schedule', content: json(ref('Schedule')) },
      }),
    ),
    {
      method: 'post',
      path: '/schedules/{name}/trigger',
      summary: 'Enqueue one job of the schedule now (its cron times are unchanged)',
      role: 'operator',
      query: common,
      pathParams: ['name'],
      errors: [400, 401, 403, 404],
      ok: { status: 201, description: 'The job enqueued', content: json(ref('ScheduleTriggerResponse')) },
    },
    {
      method: 'delete',
      path: '/schedules/{name}',
      summary: 'Delete a schedule (jobs it enqueued stay)',
      role: 'operator',
      query: common,
      pathParams: ['name'],
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: 'Deleted', content: json(ref('ScheduleDeleteResponse')) },
    },
    {
      method: 'get',
      path: '/openapi.json',
      summary: 'This document',
      role: 'public',
      query: z.object({}),
      errors: [],
      ok: { status: 200, description: 'OpenAPI 3.1 document of the API', content: json({ type: 'object' }) },
    },
    {
      method: 'get',
      path: '/docs',
      summary: 'Reference page of the API, built from this document',
      role: 'public',
      query: z.object({}),
      errors: [],
      ok: {
        status: 200,
        description: 'An HTML page',
        content: { 'text/html': { schema: { type: 'string' } } },
      },
    },
    {
      method: 'get',
      path: '/health',
      summary: 'Liveness: the process answers',
      role: 'public',
      query: z.object({}),
      errors: [],
      ok: { status: 200, description: 'Always `{ "status": "ok" }`', content: json(ref('Health')) },
    },
    ...(settings.metrics
      ? [
          {
            method: 'get',
            path: '/metrics',
            summary: 'Prometheus metrics: job counters, attempt durations, queue depths, live runners',
            role: 'public',
            query: z.object({}),
            errors: [],
            ok: {
              status: 200,
              description: 'The Prometheus text format',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
          } satisfies OperationDoc,
        ]
      : []),
    {
      method: 'get',
      path: '/ready',
      summary: 'Readiness: the queue and every registered check answer',
      role: 'public',
      query: z.object({}),
      errors: [],
      ok: {
        status: 200,
        description: 'Ready; 503 with the same body names the checks that failed or timed out',
        content: json(ref('Readiness')),
      },
    },
  ];
}

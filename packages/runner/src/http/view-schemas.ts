import { JOB_STATES, type JobState } from '@hangar/core';
import { z } from 'zod';

const param = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const timestamp = z.iso.datetime();

/** A message rendered in the caller's language, with its key and parameters for clients that render themselves. */
export const messageViewSchema = z.object({
  text: z.string().describe("The message in the caller's language"),
  key: z.string(),
  params: z.record(z.string(), param),
});

/** One progress or user message of a job. */
export const logEntryViewSchema = messageViewSchema.extend({
  seq: z.number().int().describe('Position in the job log, from 1'),
  at: timestamp,
  level: z.enum(['progress', 'info', 'warning', 'error']),
  current: z.number().optional(),
  total: z.number().optional(),
  percent: z.number().optional().describe('current / total, 0 to 100, when both are known'),
});

/** One structured error of a job, rendered. */
export const errorViewSchema = messageViewSchema.extend({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  source: z.string().optional(),
});

/** An output file of a job, downloadable at `url`. */
export const outputFileViewSchema = z.object({
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  url: z.string().describe('Path of the download route, relative to the server'),
});

/** The latest progress of a job. */
export const progressViewSchema = messageViewSchema.extend({
  current: z.number().optional(),
  total: z.number().optional(),
  percent: z.number().optional(),
});

/** A job as the API shows it. */
export const jobViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  queue: z.string(),
  state: z.enum(JOB_STATES as readonly [JobState, ...JobState[]]),
  priority: z.number().int(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  customerId: z.string().nullable(),
  userId: z.string().nullable(),
  parentId: z.string().nullable().describe('Its first parent'),
  parents: z
    .array(z.object({ id: z.string(), on: z.enum(['success', 'failure', 'end']) }))
    .describe('The jobs it waits on and how each has to end'),
  cancelRequested: z.boolean(),
  progress: progressViewSchema.nullable(),
  messages: z
    .array(logEntryViewSchema)
    .optional()
    .describe('Every progress and user message, in order (detail only)'),
  warnings: z.array(messageViewSchema),
  errors: z.array(errorViewSchema),
  success: z.boolean().nullable().describe('Whether the job reached its goal, once finished'),
  result: z.unknown().describe("The job's own result value, once succeeded"),
  outputFiles: z.array(outputFileViewSchema),
  worker: z.object({ id: z.string(), host: z.string(), pid: z.number().int() }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  runAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

/** Response of `POST /jobs`. */
export const enqueueResponseSchema = z.object({
  id: z.string(),
  created: z.boolean().describe('False when an earlier job with the same idempotency key was returned'),
  job: jobViewSchema,
  warnings: z
    .array(messageViewSchema.extend({ code: z.literal('QUEUE_NOT_SERVED') }))
    .optional()
    .describe('QUEUE_NOT_SERVED: the job is stored, but no live runner serves its queue and type yet'),
});

/** Response of `POST /jobs/:id/cancel`. */
export const cancelResponseSchema = z.object({
  id: z.string(),
  outcome: z
    .enum(['cancelled', 'requested', 'finished'])
    .describe(
      'cancelled: it will never run; requested: its worker is stopping it; finished: it had already ended',
    ),
  job: jobViewSchema,
});

/** Response of `GET /jobs`. */
export const jobPageViewSchema = z.object({
  items: z.array(jobViewSchema),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
});

/** One job type of `GET /job-types`. */
export const jobTypeViewSchema = z.object({
  type: z.string(),
  description: messageViewSchema.nullable(),
  defaultQueue: z.string(),
  timeoutMs: z.number().nullable(),
  maxAttempts: z.number().int(),
  paramsSchema: z.record(z.string(), z.unknown()).describe('JSON schema of the parameters'),
});

/** Answer of `POST /jobs/:id/retry`: the same job, Enqueued again. */
export const retryResponseSchema = z.object({ id: z.string(), job: jobViewSchema });

/** Answer of `DELETE /jobs/:id`. */
export const deleteResponseSchema = z.object({ id: z.string(), deleted: z.literal(true) });

/** Body of `GET /health`. */
export const healthViewSchema = z.object({ status: z.literal('ok') });

/** Body of `GET /ready`: 200 when every check passed, 503 naming the ones that did not. */
export const readinessViewSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  unservedQueues: z
    .array(
      z.object({
        queue: z.string(),
        waiting: z.number().int(),
        oldestRunAt: timestamp.describe('Since when the longest-waiting job could have run'),
      }),
    )
    .describe(
      'Queues with Enqueued jobs that no live runner serves (they wait until one starts); not a failure of this server',
    ),
  checks: z.array(
    z.object({
      name: z.string().describe('`queue`, or the name of a check the host registered'),
      ok: z.boolean(),
      outcome: z.enum(['ok', 'failed', 'timeout']),
    }),
  ),
});

/** One recurring schedule of `GET /schedules`. */
export const scheduleViewSchema = z.object({
  name: z.string(),
  cron: z.string(),
  timezone: z.string(),
  type: z.string(),
  queue: z.string().nullable(),
  paused: z.boolean(),
  nextRunAt: timestamp.nullable(),
  lastRunAt: timestamp.nullable(),
});

/** Answer of `PUT /schedules/:name`. */
export const scheduleSaveResponseSchema = z.object({
  created: z.boolean().describe('False when an existing schedule of the caller was replaced'),
  schedule: scheduleViewSchema,
});

/** Answer of `POST /schedules/:name/trigger`: the job it enqueued now. */
export const scheduleTriggerResponseSchema = z.object({
  name: z.string(),
  jobId: z.string(),
  job: jobViewSchema,
});

/** Answer of `DELETE /schedules/:name`. */
export const scheduleDeleteResponseSchema = z.object({ name: z.string(), deleted: z.literal(true) });

/** Body of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z
      .string()
      .describe('Stable code: UNAUTHORIZED, FORBIDDEN, PARAMS_INVALID, JOB_TYPE_UNKNOWN, JOB_NOT_FOUND, ...'),
    message: z.string().describe("Rendered in the caller's language"),
    key: z.string(),
    params: z.record(z.string(), param),
    issues: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .describe('Field-level problems of PARAMS_INVALID and REQUEST_INVALID'),
    requestId: z.string().describe('Id of the request, also in the x-request-id header and the server log'),
  }),
});

/** A rendered message. */
export type MessageView = z.infer<typeof messageViewSchema>;
/** A rendered log entry. */
export type LogEntryView = z.infer<typeof logEntryViewSchema>;
/** A rendered ErrorInfo entry. */
export type ErrorView = z.infer<typeof errorViewSchema>;
/** A downloadable output file. */
export type OutputFileView = z.infer<typeof outputFileViewSchema>;
/** A job as the API shows it. */
export type JobView = z.infer<typeof jobViewSchema>;
/** A job type as the API shows it. */
export type JobTypeView = z.infer<typeof jobTypeViewSchema>;
/** Answer of `POST /jobs/:id/retry`. */
export type RetryResponse = z.infer<typeof retryResponseSchema>;
/** Answer of `DELETE /jobs/:id`. */
export type DeleteResponse = z.infer<typeof deleteResponseSchema>;
/** Answer of `PUT /schedules/:name`. */
export type ScheduleSaveResponse = z.infer<typeof scheduleSaveResponseSchema>;
/** Answer of `POST /schedules/:name/trigger`. */
export type ScheduleTriggerResponse = z.infer<typeof scheduleTriggerResponseSchema>;
/** Answer of `DELETE /schedules/:name`. */
export type ScheduleDeleteResponse = z.infer<typeof scheduleDeleteResponseSchema>;
/** Body of `GET /ready`. */
export type ReadinessView = z.infer<typeof readinessViewSchema>;
/** A schedule as the API shows it. */
export type ScheduleView = z.infer<typeof scheduleViewSchema>;
/** A page of jobs. */
export type JobPageView = z.infer<typeof jobPageViewSchema>;
/** Response of enqueue. */
export type EnqueueResponse = z.infer<typeof enqueueResponseSchema>;
/** Response of cancel. */
export type CancelResponse = z.infer<typeof cancelResponseSchema>;

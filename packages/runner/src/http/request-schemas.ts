import { type FieldIssue, JOB_STATES, type JobState } from '@hangar/core';
import { z } from 'zod';
import { RequestInvalidError } from './http-errors.js';

/** Longest delay accepted at enqueue: one year, so a typo in units does not park a job forever. */
export const MAX_DELAY_MS = 365 * 86_400_000;

const FROM_TOKEN =
  'comes from your bearer token and cannot be sent in the body (admins act for another customer with ?customerId=)';

const lang = z.string().max(35, { error: 'use a language tag such as "en" or "fr-CA"' }).optional();
const customerId = z.string().min(1, { error: 'name the customer to act for' }).max(200).optional();

/** A queue name as the API accepts it. */
export const queueName = z
  .string({ error: 'give a queue name' })
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'use 1-100 letters, digits, ".", "_", ":" or "-"' });

/** A priority as the API accepts it. */
export const priority = z
  .number({ error: 'give an integer; lower runs first' })
  .int({ error: 'give an integer; lower runs first' })
  .min(-1_000_000)
  .max(1_000_000);

/** Query parameters every route accepts: the language and, for admins, the customer to act for. */
export const commonQuerySchema = z.strictObject({ lang, customerId });

/** Body of `POST /jobs`. */
export const enqueueBodySchema = z.strictObject({
  type: z
    .string({ error: 'give the job type name as a string, e.g. "math.add" (GET /job-types lists them)' })
    .min(1, { error: 'give the job type name, e.g. "math.add" (GET /job-types lists them)' }),
  params: z
    .unknown()
    .optional()
    .describe('Parameters of the job type, checked against its schema; defaults to {}'),
  options: z
    .strictObject({
      delayMs: z
        .number({ error: 'give a number of milliseconds' })
        .int({ error: 'give a whole number of milliseconds' })
        .min(0, { error: 'must be 0 or more' })
        .max(MAX_DELAY_MS, { error: `must be at most ${MAX_DELAY_MS} (one year)` })
        .optional()
        .describe('Run no earlier than this many ms from now'),
      priority: priority.optional().describe('Lower runs first; default 0'),
      queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
      idempotencyKey: z
        .string({ error: 'give a string' })
        .min(1, { error: 'must not be empty' })
        .max(200, { error: 'must be at most 200 characters' })
        .optional()
        .describe('Enqueuing twice with the same key (per customer) returns the first job'),
      parents: z
        .array(
          z.strictObject({
            id: z
              .string({ error: 'give the parent job id as a string' })
              .min(1, { error: 'must not be empty' }),
            on: z
              .enum(['success', 'failure', 'end'], { error: 'give success, failure or end' })
              .optional()
              .describe('How the parent has to end: success (default), failure (Failed or Cancelled) or end'),
          }),
          { error: 'give an array of { id, on } objects' },
        )
        .max(1000, { error: 'must name at most 1000 parents' })
        .optional()
        .describe(
          "Jobs of the caller's customer this one waits on: it runs once each has ended as its `on` asks, and is cancelled, naming the parent, as soon as one cannot",
        ),
      system: z
        .boolean({ error: 'give true or false' })
        .optional()
        .describe(
          'Admin only: enqueue a system job, without a customer; only such a job may name a customer in its params',
        ),
    })
    .optional(),
});

/** Body of `POST /jobs`, as parsed. */
export type EnqueueBody = z.infer<typeof enqueueBodySchema>;

/** Path parameters of the job routes. */
export const jobIdParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** Path parameters of the schedule routes. */
export const scheduleNameParamsSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,200}$/, { error: 'use 1-200 letters, digits, ".", "_", ":" or "-"' }),
});

/** An optional flag. */
export const trueOrFalse = z.boolean({ error: 'give true or false' }).optional();

/** Whether a schedule or trigger is created or kept paused. */
export const keepPaused = trueOrFalse.describe('Create or keep it paused; default false');

/** The job type a schedule or trigger enqueues. */
export const storedJobType = z
  .string({ error: 'give the job type name as a string (GET /job-types lists them)' })
  .min(1, { error: 'give the job type name (GET /job-types lists them)' });

/** The parameters of each job a schedule or trigger enqueues. */
export const storedJobParams = z
  .unknown()
  .optional()
  .describe('Parameters of each job, checked against the type’s schema; default {}');

/** Body of `PUT /schedules/:name`. */
export const scheduleBodySchema = z.strictObject({
  cron: z
    .string({ error: 'give a cron expression such as "0 2 * * *"' })
    .min(1, { error: 'give a cron expression such as "0 2 * * *"' })
    .max(200)
    .describe('Cron expression, 5 fields (minutes) or 6 (seconds)'),
  timezone: z.string().min(1).max(100).optional().describe('IANA time zone the cron is read in; default UTC'),
  type: storedJobType,
  params: storedJobParams,
  options: z
    .strictObject({
      queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
      priority: priority.optional().describe('Lower runs first; default 0'),
    })
    .optional(),
  paused: keepPaused,
  system: trueOrFalse.describe('Admins only: a schedule of no customer (its jobs have no customer)'),
});

/** Body of `PUT /schedules/:name`, as parsed. */
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;

/** Path parameters of the file route. */
export const fileParamsSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(500),
});

/** Accepts `?x=a,b`, `?x=a&x=b` or both. */
function listParam<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(item));
}

/** Query of `GET /jobs`; the page size bound comes from the server options. */
export function listQuerySchema(defaultLimit: number, maxLimit: number) {
  return commonQuerySchema.extend({
    state: listParam(
      z.enum(JOB_STATES as readonly [JobState, ...JobState[]], {
        error: `use one of ${JOB_STATES.join(', ')}`,
      }),
    )
      .optional()
      .describe('Only these states (comma-separated or repeated)'),
    type: listParam(z.string().min(1))
      .optional()
      .describe('Only these job types (comma-separated or repeated)'),
    queue: z.string().min(1).max(100).optional().describe('Only this queue'),
    userId: z.string().min(1).max(200).optional().describe('Only jobs enqueued by this user'),
    parentId: z.string().min(1).max(100).optional().describe('Only the children of this job'),
    limit: z.coerce
      .number({ error: `give a whole number from 1 to ${maxLimit}` })
      .int({ error: `give a whole number from 1 to ${maxLimit}` })
      .min(1, { error: `give a whole number from 1 to ${maxLimit}` })
      .max(maxLimit, { error: `at most ${maxLimit} per page; follow nextCursor for more` })
      .default(defaultLimit)
      .describe(`Page size, 1 to ${maxLimit}; default ${defaultLimit}`),
    cursor: z.string().min(1).max(500).optional().describe('The nextCursor of the previous page'),
  });
}

/** Query of `GET /jobs/:id/events`. */
export const eventsQuerySchema = commonQuerySchema.extend({
  after: z.coerce
    .number({ error: 'give the seq of the last message you saw' })
    .int()
    .min(0)
    .optional()
    .describe('Skip log entries up to this seq (like the Last-Event-ID header)'),
});

/** Parses one part of a request, turning every zod issue into a field issue that says what to fix. */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'path',
): z.output<S> {
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const prefix = where === 'body' ? '' : `${where}.`;
  const issues: FieldIssue[] = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key;
        const message =
          key === 'customerId' || key === 'userId'
            ? `${key} ${FROM_TOKEN}`
            : `unknown field; remove it or check its spelling`;
        issues.push({ path: `${prefix}${path}`, message, code: issue.code });
      }
      continue;
    }
    const message =
      where === 'body' && base === '' && issue.code === 'invalid_type'
        ? 'send a JSON object such as {"type": "math.add", "params": {}} with Content-Type: application/json'
        : issue.message;
    issues.push({
      path: base ? `${prefix}${base}` : where === 'body' ? '' : where,
      message,
      code: issue.code,
    });
  }
  throw new RequestInvalidError(issues);
}

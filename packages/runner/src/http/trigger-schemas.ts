import { TRIGGER_END_STATES } from '@hangar/core';
import { z } from 'zod';
import {
  keepPaused,
  priority,
  queueName,
  storedJobParams,
  storedJobType,
  trueOrFalse,
} from './request-schemas.js';

/** Body of `PUT /triggers/:name`. */
export const triggerBodySchema = z.strictObject({
  on: z.strictObject(
    {
      type: z
        .string({ error: 'give the job type whose ends fire it' })
        .min(1, { error: 'give the job type whose ends fire it' })
        .max(200)
        .describe('Job type of the ended job (`conso.workflow` for a workflow)'),
      states: z
        .array(z.enum(TRIGGER_END_STATES as [string, ...string[]]), {
          error: `give a list of ${TRIGGER_END_STATES.join(', ')}`,
        })
        .min(1, { error: `give at least one of ${TRIGGER_END_STATES.join(', ')}` })
        .describe('End states that fire it'),
      metadata: z
        .record(z.string(), z.string({ error: 'give a string value' }))
        .optional()
        .describe('Only jobs whose metadata holds these values, e.g. { "workflow": "month-end" }'),
    },
    { error: 'say which job ends fire it: { "type": ..., "states": [...] }' },
  ),
  job: z.strictObject(
    {
      type: storedJobType,
      params: storedJobParams,
      queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
      priority: priority.optional().describe('Lower runs first; default 0'),
    },
    { error: 'say which job to enqueue: { "type": ..., "params": {...} }' },
  ),
  paused: keepPaused,
  system: trueOrFalse.describe(
    'Admins only: a trigger on every customer’s jobs (each job it enqueues runs as the ended job’s customer)',
  ),
});

/** Body of `PUT /triggers/:name`, as parsed. */
export type TriggerBody = z.infer<typeof triggerBodySchema>;

/** One event trigger of `GET /triggers`. */
export const triggerViewSchema = z.object({
  name: z.string(),
  on: z.object({
    type: z.string(),
    customerId: z.string().nullable().describe('null: every customer’s jobs (a system trigger)'),
    states: z.array(z.string()),
    metadata: z.record(z.string(), z.string()),
  }),
  job: z.object({ type: z.string(), queue: z.string().nullable(), priority: z.number().nullable() }),
  paused: z.boolean(),
  since: z.iso.datetime().describe('Jobs that ended at or before this time never fire it'),
  lastFiredAt: z.iso.datetime().nullable(),
});

/** A trigger as the API shows it. */
export type TriggerView = z.infer<typeof triggerViewSchema>;

/** Answer of `PUT /triggers/:name`. */
export const triggerSaveResponseSchema = z.object({
  created: z.boolean().describe('False when an existing trigger of the caller was replaced'),
  trigger: triggerViewSchema,
});

/** Answer of `DELETE /triggers/:name`. */
export const triggerDeleteResponseSchema = z.object({ name: z.string(), deleted: z.literal(true) });

/** Answer of `PUT /triggers/:name`. */
export type TriggerSaveResponse = z.infer<typeof triggerSaveResponseSchema>;

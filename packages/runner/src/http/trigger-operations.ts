import type { z } from 'zod';
import { json, type OperationDoc, ref } from './openapi-operations.js';
import { triggerBodySchema } from './trigger-schemas.js';

/** What the OpenAPI document says of the trigger routes (`trigger-routes.ts`). */
export function triggerOperations(common: z.ZodObject): OperationDoc[] {
  const named = { query: common, pathParams: ['name'] };
  return [
    {
      method: 'get',
      path: '/triggers',
      summary: 'Event triggers bound to the caller’s customer (and, for admins, the system ones)',
      role: 'viewer',
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: 'The triggers',
        content: json({
          type: 'object',
          properties: { items: { type: 'array', items: ref('Trigger') } },
          required: ['items'],
        }),
      },
    },
    {
      method: 'put',
      path: '/triggers/{name}',
      summary: 'Create or replace an event trigger on the caller’s customer’s jobs',
      role: 'operator',
      ...named,
      body: triggerBodySchema,
      errors: [400, 401, 403, 409],
      ok: {
        status: 201,
        description:
          'Created (200 when the caller’s trigger of that name was replaced); `system: true` needs the admin role',
        content: json(ref('TriggerSaveResponse')),
      },
    },
    ...(['pause', 'resume'] as const).map(
      (action): OperationDoc => ({
        method: 'post',
        path: `/triggers/{name}/${action}`,
        summary:
          action === 'pause'
            ? 'Stop a trigger from firing'
            : 'Fire a paused trigger again, on jobs that end from now on (ends while paused are not replayed)',
        role: 'operator',
        ...named,
        errors: [400, 401, 403, 404],
        ok: { status: 200, description: 'The trigger', content: json(ref('Trigger')) },
      }),
    ),
    {
      method: 'delete',
      path: '/triggers/{name}',
      summary: 'Delete a trigger (jobs it enqueued stay)',
      role: 'operator',
      ...named,
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: 'Deleted', content: json(ref('TriggerDeleteResponse')) },
    },
  ];
}

import { TriggerNotFoundError, type TriggerRecord } from '@hangar/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TriggerInput } from '../triggers/trigger-input.js';
import type { ApiContext, RequestScope } from './api-context.js';
import { requirePermission } from './auth.js';
import { commonQuerySchema, parseRequest, scheduleNameParamsSchema } from './request-schemas.js';
import { TriggerNameTakenError } from './trigger-name-taken-error.js';
import { type TriggerSaveResponse, type TriggerView, triggerBodySchema } from './trigger-schemas.js';

/**
 * Whether the caller may see and change a trigger: one bound to the caller's customer, and a
 * trigger on every customer's jobs (a system trigger) to admins only.
 */
function owns(scope: RequestScope, trigger: TriggerRecord): boolean {
  return trigger.on.customerId === undefined
    ? scope.caller.roles.includes('admin')
    : trigger.on.customerId === scope.customerId;
}

/** Renders a trigger (its job's parameters are left out to keep listings short). */
export function renderTrigger(t: TriggerRecord): TriggerView {
  return {
    name: t.name,
    on: {
      type: t.on.type,
      customerId: t.on.customerId ?? null,
      states: [...t.on.states],
      metadata: { ...t.on.metadata },
    },
    job: { type: t.job.type, queue: t.job.queue ?? null, priority: t.job.priority ?? null },
    paused: t.paused,
    since: new Date(t.since).toISOString(),
    lastFiredAt: t.lastFiredAt ? new Date(t.lastFiredAt).toISOString() : null,
  };
}

/**
 * Registers `GET /triggers`, `PUT /triggers/:name`, `POST /triggers/:name/pause|resume` and
 * `DELETE /triggers/:name`. A customer's caller sees and manages only the triggers bound to that
 * customer, which fire only on its jobs; a trigger the caller may not see answers 404 like a
 * missing one (a name taken by one is 409 on creation).
 */
export function registerTriggerRoutes(app: FastifyInstance, api: ApiContext): void {
  const { triggers } = api.options.client;

  /** The caller's scope and the named trigger it may change; 404 for any other. */
  async function ownedTrigger(request: FastifyRequest) {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, 'path');
    const trigger = await triggers.get(name);
    if (!trigger || !owns(scope, trigger)) throw new TriggerNotFoundError(name);
    return { scope, name };
  }

  app.get('/triggers', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const visible = (await triggers.list()).filter((t) => owns(scope, t));
    return { items: visible.map(renderTrigger) };
  });

  app.put('/triggers/:name', { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, 'path');
    const body = parseRequest(triggerBodySchema, request.body, 'body');
    if (body.system) requirePermission(scope.caller, 'admin');
    const existing = await triggers.get(name);
    if (existing && !owns(scope, existing)) throw new TriggerNameTakenError(name);
    if (existing && (existing.on.customerId === undefined) !== (body.system === true)) {
      // A system trigger stays one, and a customer's stays that customer's: no silent hand-over.
      throw new TriggerNameTakenError(name);
    }
    // A customer's trigger fires only on that customer's jobs, whoever calls.
    const input: TriggerInput = {
      name,
      on: {
        type: body.on.type,
        states: body.on.states as TriggerInput['on']['states'],
        ...(body.on.metadata ? { metadata: body.on.metadata } : {}),
        ...(body.system ? {} : { customerId: scope.customerId }),
      },
      job: { ...body.job, params: body.job.params ?? {} },
      paused: body.paused,
    };
    const saved = await triggers.upsert(input);
    const response: TriggerSaveResponse = { created: !existing, trigger: renderTrigger(saved) };
    return reply.code(existing ? 200 : 201).send(response);
  });

  app.post('/triggers/:name/pause', { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    return renderTrigger(await triggers.pause(name));
  });

  app.post('/triggers/:name/resume', { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    return renderTrigger(await triggers.resume(name));
  });

  app.delete('/triggers/:name', { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    if (!(await triggers.delete(name))) throw new TriggerNotFoundError(name);
    return { name, deleted: true };
  });
}

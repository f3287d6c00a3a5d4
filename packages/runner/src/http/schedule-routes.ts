import { ScheduleNotFoundError, type ScheduleRecord } from '@hangar/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiContext, RequestScope } from './api-context.js';
import { requirePermission } from './auth.js';
import { renderJob, renderSchedule } from './render-job.js';
import {
  commonQuerySchema,
  parseRequest,
  scheduleBodySchema,
  scheduleNameParamsSchema,
} from './request-schemas.js';
import { ScheduleNameTakenError } from './schedule-name-taken-error.js';
import type {
  ScheduleDeleteResponse,
  ScheduleSaveResponse,
  ScheduleTriggerResponse,
} from './view-schemas.js';

/**
 * Whether the caller may see and change a schedule: it belongs to the customer it enqueues for,
 * and a schedule of no customer (a system schedule) to admins only.
 */
function owns(scope: RequestScope, schedule: ScheduleRecord): boolean {
  return schedule.options.customerId === undefined
    ? scope.caller.roles.includes('admin')
    : schedule.options.customerId === scope.customerId;
}

/**
 * Registers `GET /schedules`, `PUT /schedules/:name`, `POST /schedules/:name/pause|resume|trigger`
 * and `DELETE /schedules/:name`. A schedule the caller may not see answers 404 like a missing one,
 * so names of other customers' schedules do not leak (a name taken by one is 409 on creation).
 */
export function registerScheduleRoutes(app: FastifyInstance, api: ApiContext): void {
  const { schedules } = api.options.client;

  /** The caller's scope and the named schedule it may change; 404 for any other. */
  async function ownedSchedule(request: FastifyRequest) {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, 'path');
    const schedule = await schedules.get(name);
    if (!schedule || !owns(scope, schedule)) throw new ScheduleNotFoundError(name);
    return { scope, name };
  }

  app.get('/schedules', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const visible = (await schedules.list()).filter((s) => owns(scope, s));
    return { items: visible.map(renderSchedule) };
  });

  app.put('/schedules/:name', { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, 'path');
    const body = parseRequest(scheduleBodySchema, request.body, 'body');
    if (body.system) requirePermission(scope.caller, 'admin');
    const existing = await schedules.get(name);
    if (existing && !owns(scope, existing)) throw new ScheduleNameTakenError(name);
    if (existing && (existing.options.customerId === undefined) !== (body.system === true)) {
      // A system schedule stays one, and a customer's stays that customer's: no silent hand-over.
      throw new ScheduleNameTakenError(name);
    }
    // The jobs of a customer's schedule are always that customer's, whoever calls.
    const owner = body.system ? {} : { customerId: scope.customerId, userId: scope.caller.userId };
    const saved = await schedules.upsert({
      name,
      cron: body.cron,
      timezone: body.timezone,
      type: body.type,
      params: body.params ?? {},
      options: { ...body.options, ...owner },
      // A replaced schedule keeps its pause unless the body says otherwise.
      paused: body.paused ?? existing?.paused,
    });
    const response: ScheduleSaveResponse = { created: !existing, schedule: renderSchedule(saved) };
    return reply.code(existing ? 200 : 201).send(response);
  });

  app.post('/schedules/:name/pause', { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    return renderSchedule(await schedules.pause(name));
  });

  app.post('/schedules/:name/resume', { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    return renderSchedule(await schedules.resume(name));
  });

  app.post('/schedules/:name/trigger', { exposeHeadRoute: false }, async (request, reply) => {
    const { scope, name } = await ownedSchedule(request);
    const result = await schedules.trigger(name);
    const response: ScheduleTriggerResponse = {
      name,
      jobId: result.id,
      job: renderJob(result.job, scope.render),
    };
    return reply
      .code(201)
      .header('location', `${api.prefix}/jobs/${encodeURIComponent(result.id)}`)
      .send(response);
  });

  app.delete('/schedules/:name', { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    if (!(await schedules.delete(name))) throw new ScheduleNotFoundError(name);
    const response: ScheduleDeleteResponse = { name, deleted: true };
    return response;
  });
}

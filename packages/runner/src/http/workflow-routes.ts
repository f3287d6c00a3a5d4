import { JobNotFoundError } from '@hangar/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { commonQuerySchema, jobIdParamsSchema, parseRequest } from './request-schemas.js';
import { renderWorkflow } from './workflow-view-schema.js';

/** Path parameters of the retry of one step. */
export const workflowStepParamsSchema = z.object({
  id: z.string().min(1).max(200),
  step: z.string().min(1).max(100),
});

/**
 * Registers `GET /workflows/:id` (viewer), `POST /workflows/:id/cancel` and
 * `POST /workflows/:id/steps/:step/retry` (operator). Tenant rules as for jobs: another
 * customer's workflow is 404.
 */
export function registerWorkflowRoutes(app: FastifyInstance, api: ApiContext): void {
  const { client } = api.options;

  app.get('/workflows/:id', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'read', commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    const view = await client.getWorkflow(id, { customerId: scope.customerId });
    if (!view) throw new JobNotFoundError(id);
    return renderWorkflow(view, scope.render);
  });

  app.post('/workflows/:id/cancel', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, 'path');
    const { workflow, steps } = await client.cancelWorkflow(id, { customerId: scope.customerId });
    return { id, outcome: workflow, steps };
  });

  app.post('/workflows/:id/steps/:step/retry', { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, 'write', commonQuerySchema);
    const { id, step } = parseRequest(workflowStepParamsSchema, request.params, 'path');
    const view = await client.retryWorkflowStep(id, step, { customerId: scope.customerId });
    return renderWorkflow(view, scope.render);
  });
}

import type { WorkflowApiView } from '../../http/workflow-view-schema.js';
import type { CliContext } from '../cli-context.js';
import { EXIT } from '../exit-codes.js';
import { type Subcommand, subcommandGroup } from './subcommand-group.js';

const workflowPath = (id: string) => `/workflows/${encodeURIComponent(id)}`;

/** One line for the workflow, then one per step with its state and latest progress or error. */
function printWorkflow(view: WorkflowApiView, ctx: CliContext): void {
  ctx.out(
    ctx.t('hangar.cli.workflow', {
      name: view.name,
      id: view.id,
      state: view.state,
      done: view.done,
      total: view.total,
    }),
  );
  for (const step of view.steps) {
    const detail = step.errors[0]?.text ?? step.progress?.text ?? '';
    ctx.out(
      `  ${step.id}  ${step.state}${step.jobId ? `  ${step.jobId}` : ''}${detail ? `  ${detail}` : ''}`,
    );
  }
}

const show: Subcommand = {
  name: 'show',
  summary: 'A workflow: its state, each step with its state and latest progress',
  args: ['<id>'],
  async run([id = ''], values, api, ctx) {
    const view = await api.request<WorkflowApiView>('GET', workflowPath(id));
    if (values.json) ctx.out(JSON.stringify(view, null, 2));
    else printWorkflow(view, ctx);
    return EXIT.OK;
  },
};

const cancel: Subcommand = {
  name: 'cancel',
  summary: 'Cancel a workflow and its steps still waiting or running',
  args: ['<id>'],
  async run([id = ''], values, api, ctx) {
    const res = await api.request<{ id: string; outcome: string; steps: number }>(
      'POST',
      `${workflowPath(id)}/cancel`,
    );
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(ctx.t('hangar.cli.workflowCancelled', { id: res.id, outcome: res.outcome, steps: res.steps }));
    return EXIT.OK;
  },
};

const retryStep: Subcommand = {
  name: 'retry-step',
  summary:
    'Run a Failed or Cancelled step of an ended workflow again, without rerunning the steps that succeeded',
  args: ['<id>', '<step>'],
  async run([id = '', step = ''], values, api, ctx) {
    const view = await api.request<WorkflowApiView>(
      'POST',
      `${workflowPath(id)}/steps/${encodeURIComponent(step)}/retry`,
    );
    if (values.json) ctx.out(JSON.stringify(view, null, 2));
    else printWorkflow(view, ctx);
    return EXIT.OK;
  },
};

/** `hangar workflows show|cancel|retry-step`. */
export const workflowsCommand = subcommandGroup('workflows', 'Read, cancel or retry a step of a workflow', [
  show,
  cancel,
  retryStep,
]);

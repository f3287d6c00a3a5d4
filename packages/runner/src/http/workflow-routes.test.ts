import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, type ErrorJson, startApi, TOKENS } from './test-fixtures.js';
import { heldWorkflow } from './workflow-test-fixture.js';

afterEach(closeAll);

interface WorkflowJson {
  id: string;
  name: string;
  state: string;
  done: number;
  total: number;
  steps: Array<{
    id: string;
    state: string;
    jobId: string | null;
    after: string[];
    on: string;
    when: unknown;
    errors: Array<{ code: string; text: string }>;
  }>;
}

describe('workflow routes', () => {
  it('reads a workflow as one unit for its tenant, cancels it as operator, retries a step once it ended', async () => {
    const api = await startApi();
    const { workflow, step } = await heldWorkflow(api);

    const read = await api.call(`/workflows/${workflow.id}?lang=fr`, TOKENS.acmeViewer);
    expect(read.status).toBe(200);
    const view = (await read.json()) as WorkflowJson;
    expect(view).toMatchObject({ id: workflow.id, name: 'close', state: 'Enqueued', done: 1, total: 2 });
    expect(view.steps.map((s) => [s.id, s.state, s.jobId])).toEqual([
      ['ledger', 'Failed', step.id],
      ['sum', 'Waiting', null],
    ]);
    // The declaration's edges, for the dashboard's graph.
    expect(view.steps.map((s) => [s.id, s.after, s.on, s.when])).toEqual([
      ['ledger', [], 'success', null],
      ['sum', ['ledger'], 'end', { step: 'ledger', path: '', op: 'missing' }],
    ]);
    expect(view.steps[0]?.errors[0]).toMatchObject({
      code: 'JOB_UNRECOVERABLE',
      text: "Le grand livre L1 n'existe pas",
    });

    const foreign = await api.call(`/workflows/${workflow.id}`, TOKENS.globexOperator);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as ErrorJson).error.code).toBe('JOB_NOT_FOUND');
    expect(
      (await api.call(`/workflows/${workflow.id}/cancel`, TOKENS.acmeViewer, { method: 'POST' })).status,
    ).toBe(403);
    expect(
      (await api.call(`/workflows/${workflow.id}/cancel`, TOKENS.globexOperator, { method: 'POST' })).status,
    ).toBe(404);

    const early = await api.call(`/workflows/${workflow.id}/steps/ledger/retry`, TOKENS.acmeOperator, {
      method: 'POST',
    });
    expect(early.status).toBe(409);
    expect(((await early.json()) as ErrorJson).error.key).toBe('hangar.error.workflowStillRunning');

    const cancel = await api.call(`/workflows/${workflow.id}/cancel`, TOKENS.acmeOperator, {
      method: 'POST',
    });
    expect(await cancel.json()).toEqual({ id: workflow.id, outcome: 'cancelled', steps: 0 });
    const ended = (await (
      await api.call(`/workflows/${workflow.id}`, TOKENS.acmeViewer)
    ).json()) as WorkflowJson;
    expect(ended.steps.map((s) => s.state)).toEqual(['Failed', 'Skipped']);

    const retried = await api.call(`/workflows/${workflow.id}/steps/ledger/retry`, TOKENS.acmeOperator, {
      method: 'POST',
    });
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as WorkflowJson).state).toBe('Enqueued');
    const again = await api.runner.client.waitFor(step.id, { pollMs: 20 });
    expect(again).toMatchObject({ state: 'Failed', attempts: 2 });
    // Running again: its other steps wait for it to end.
    const running = await api.call(`/workflows/${workflow.id}/steps/sum/retry`, TOKENS.acmeOperator, {
      method: 'POST',
    });
    expect(running.status).toBe(409);
  });
});

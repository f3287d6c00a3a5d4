import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  closeAll,
  enqueue,
  onCleanup,
  startApi,
  type TestApi,
  TOKENS,
  waitDone,
} from '../http/test-fixtures.js';
import { heldWorkflow } from '../http/workflow-test-fixture.js';
import { runCli } from './run-cli.js';
import { capture, tempDir } from './test-kit.js';

let cwd: string;
beforeEach(async () => {
  const tmp = await tempDir();
  cwd = tmp.dir;
  onCleanup(tmp.cleanup);
});
afterEach(closeAll);

function cli(api: TestApi, argv: string[], token: string = TOKENS.acmeOperator) {
  const c = capture({ HANGAR_URL: api.url, HANGAR_TOKEN: token }, cwd);
  return runCli(argv, c.io).then((code) => ({ code, out: c.out(), err: c.err() }));
}

async function failedJob(api: TestApi): Promise<string> {
  const res = await enqueue(api, TOKENS.acmeOperator, { type: 'test.fail', params: {} });
  const { id } = (await res.json()) as { id: string };
  await waitDone(api, id);
  return id;
}

describe('hangar jobs retry|delete', () => {
  it('retries a failed job, then deletes it once finished again', async () => {
    const api = await startApi();
    const id = await failedJob(api);
    const retried = await cli(api, ['jobs', 'retry', id]);
    expect(retried).toMatchObject({ code: 0, err: '' });
    expect(retried.out).toMatch(
      new RegExp(`^Job ${id} is (Enqueued|Processing|Failed) again, with up to \\d+ attempts in all\\n$`),
    );
    const job = await api.runner.client.waitFor(id, { pollMs: 20 });
    expect(job.attempts).toBe(2);

    const deleted = await cli(api, ['jobs', 'delete', id, '--lang', 'fr']);
    expect(deleted).toMatchObject({ code: 0, out: `Tâche ${id} supprimée, avec son journal\n` });
    expect(await api.runner.client.get(id)).toBeUndefined();
  });

  it('says why a retry or delete is refused, with the exit code of the refusal', async () => {
    const api = await startApi();
    const id = await failedJob(api);
    const viewer = await cli(api, ['jobs', 'retry', id], TOKENS.acmeViewer);
    expect(viewer.code).toBe(77);
    const foreign = await cli(api, ['jobs', 'delete', id], TOKENS.globexOperator);
    expect(foreign).toMatchObject({ code: 1 });
    expect(foreign.err).toContain(`Job ${id} was not found`);
    const waiting = await enqueue(api, TOKENS.acmeOperator, {
      type: 'math.add',
      params: { a: 1, b: 1 },
      options: { delayMs: 60_000 },
    });
    const waitingId = ((await waiting.json()) as { id: string }).id;
    const refused = await cli(api, ['jobs', 'delete', waitingId]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`Job ${waitingId} is Scheduled; only a finished job can be deleted`);
    const missing = await cli(api, ['jobs', 'retry']);
    expect(missing.code).toBe(64);
    expect(missing.err).toContain('Missing <id>');
    const unknown = await cli(api, ['jobs', 'rerun', id]);
    expect(unknown.code).toBe(64);
    expect(unknown.err).toContain('use one of: retry, delete');
  });
});

describe('hangar workflows show|cancel|retry-step', () => {
  it('shows a workflow with its steps, cancels it, then retries its failed step', async () => {
    const api = await startApi();
    const { workflow, step } = await heldWorkflow(api);

    const shown = await cli(api, ['workflows', 'show', workflow.id], TOKENS.acmeViewer);
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toBe(
      `Workflow close (${workflow.id}): Enqueued, 1 of 2 steps done\n  ledger  Failed  ${step.id}  Ledger L1 does not exist\n  sum  Waiting\n`,
    );
    const foreign = await cli(api, ['workflows', 'show', workflow.id], TOKENS.globexOperator);
    expect(foreign.code).not.toBe(0);
    expect(foreign.err).toContain(workflow.id);

    const cancelled = await cli(api, ['workflows', 'cancel', workflow.id, '--lang', 'fr']);
    expect(cancelled).toMatchObject({
      code: 0,
      out: `Workflow ${workflow.id} : cancelled ; 0 étapes annulées ou en arrêt\n`,
    });

    const retried = await cli(api, ['workflows', 'retry-step', workflow.id, 'ledger']);
    expect(retried.code).toBe(0);
    // The step may have run (and failed) again already.
    expect(retried.out.split('\n')[0]).toMatch(
      new RegExp(`^Workflow close \\(${workflow.id}\\): Enqueued, [01] of 2 steps done$`),
    );
    expect((await api.runner.client.waitFor(step.id, { pollMs: 20 })).attempts).toBe(2);
  });
});

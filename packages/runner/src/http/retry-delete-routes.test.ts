import type { QueueAdapter } from '@hangar/core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresTestScope } from '../postgres/postgres-test-scope.js';
import { redisTestSkip } from '../redis/redis-test-harness.js';
import { testNamespace } from '../redis/redis-test-support.js';
import {
  closeAll,
  type ErrorJson,
  enqueue,
  onCleanup,
  startApi,
  type TestApi,
  TOKENS,
  waitDone,
} from './test-fixtures.js';

afterEach(closeAll);

interface JobJson {
  id: string;
  state: string;
  attempts: number;
  maxAttempts: number;
}

async function enqueued(api: TestApi, body: unknown): Promise<string> {
  const res = await enqueue(api, TOKENS.acmeOperator, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The retry and delete routes, over a runner on a real shared backend. */
function retryDeleteRoutes(open: () => Promise<QueueAdapter | undefined>): void {
  async function api(): Promise<TestApi | undefined> {
    const queue = await open();
    return queue ? startApi({}, undefined, queue) : undefined;
  }

  it('retries a Failed job as the same job with fresh attempts; refuses others', async (ctx) => {
    const server = await api();
    if (!server) return ctx.skip();
    const id = await enqueued(server, { type: 'test.fail', params: {} });
    expect(await waitDone(server, id)).toMatchObject({ state: 'Failed', attempts: 1 });

    expect((await server.call(`/jobs/${id}/retry`, TOKENS.acmeViewer, { method: 'POST' })).status).toBe(403);
    const foreign = await server.call(`/jobs/${id}/retry`, TOKENS.globexOperator, { method: 'POST' });
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as ErrorJson).error.code).toBe('JOB_NOT_FOUND');

    const res = await server.call(`/jobs/${id}/retry`, TOKENS.acmeOperator, { method: 'POST' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; job: JobJson };
    expect(body.id).toBe(id);
    expect(body.job).toMatchObject({ id, attempts: 1 });
    expect(body.job.maxAttempts).toBeGreaterThan(1);
    // It ran again: the same job, one more attempt (test.fail fails for good each time).
    const after = (await waitDone(server, id)) as unknown as JobJson;
    expect(after).toMatchObject({ id, state: 'Failed', attempts: 2 });

    const ok = await enqueued(server, { type: 'math.add', params: { a: 1, b: 2 } });
    await waitDone(server, ok);
    const conflict = await server.call(`/jobs/${ok}/retry?lang=fr`, TOKENS.acmeOperator, { method: 'POST' });
    expect(conflict.status).toBe(409);
    const error = ((await conflict.json()) as ErrorJson).error;
    expect(error).toMatchObject({ code: 'JOB_STATE_CONFLICT', params: { jobId: ok, state: 'Succeeded' } });
    expect(error.message).toContain('seule une tâche Failed ou Cancelled');
  });

  it('refuses to retry a child before its parent has succeeded', async (ctx) => {
    const server = await api();
    if (!server) return ctx.skip();
    const { client } = server.runner;
    const parent = await client.enqueue('test.fail', {}, { customerId: 'acme' });
    const child = await client.enqueue(
      'math.add',
      { a: 1, b: 1 },
      { customerId: 'acme', parentId: parent.id },
    );
    expect((await client.waitFor(child.id, { pollMs: 20 })).state).toBe('Cancelled');
    const res = await server.call(`/jobs/${child.id}/retry`, TOKENS.acmeOperator, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorJson).error).toMatchObject({
      code: 'JOB_STATE_CONFLICT',
      key: 'hangar.error.retryParentFirst',
      params: { jobId: child.id, parentId: parent.id, state: 'Failed' },
    });
    expect((await client.get(child.id))?.state).toBe('Cancelled');
  });

  it('deletes a finished job with its log; keeps a running one; another customer’s job is 404', async (ctx) => {
    const server = await api();
    if (!server) return ctx.skip();
    const done = await enqueued(server, { type: 'test.steps', params: { count: 2 } });
    await waitDone(server, done);
    expect((await server.runner.client.getLog(done)).length).toBeGreaterThan(0);

    const foreign = await server.call(`/jobs/${done}`, TOKENS.globexOperator, { method: 'DELETE' });
    expect(foreign.status).toBe(404);
    const res = await server.call(`/jobs/${done}`, TOKENS.acmeOperator, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: done, deleted: true });
    expect((await server.call(`/jobs/${done}`, TOKENS.acmeOperator)).status).toBe(404);
    expect(await server.runner.client.getLog(done)).toEqual([]);

    const running = await enqueued(server, { type: 'test.steps', params: { count: 200, delayMs: 20 } });
    await vi.waitFor(
      async () => expect((await server.runner.client.get(running))?.state).toBe('Processing'),
      {
        timeout: 5_000,
        interval: 10,
      },
    );
    const busy = await server.call(`/jobs/${running}`, TOKENS.acmeOperator, { method: 'DELETE' });
    expect(busy.status).toBe(409);
    expect(((await busy.json()) as ErrorJson).error.code).toBe('JOB_STATE_CONFLICT');
    expect((await server.call(`/jobs/${running}`, TOKENS.acmeOperator)).status).toBe(200);
    await server.call(`/jobs/${running}/cancel`, TOKENS.acmeOperator, { method: 'POST' });
    await waitDone(server, running);
    expect((await server.call(`/jobs/${running}`, TOKENS.acmeOperator, { method: 'DELETE' })).status).toBe(
      200,
    );
  });
}

describe('POST /jobs/:id/retry and DELETE /jobs/:id on PostgreSQL', () => {
  const scope = postgresTestScope();
  retryDeleteRoutes(() => scope.open());
});

describe('POST /jobs/:id/retry and DELETE /jobs/:id on Redis', () => {
  let skip: string | undefined;
  beforeAll(async () => {
    skip = await redisTestSkip('HTTP retry and delete on Redis');
  });
  retryDeleteRoutes(async () => {
    if (skip) return undefined;
    const ns = testNamespace();
    onCleanup(() => ns.teardown());
    return ns.create();
  });
});

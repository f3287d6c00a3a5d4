import { ConfigurationError } from '@hangar/core';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { hangarHttpPlugin } from '../http/http-server.js';
import {
  closeAll,
  enqueue,
  onCleanup,
  startApi,
  TOKEN_TABLE,
  TOKENS,
  testPlugin,
} from '../http/test-fixtures.js';
import { MemoryQueue } from '../memory/memory-queue.js';
import { createRunner } from '../runner/hangar-runner.js';
import { type OverviewView, scanOverview } from './overview.js';

afterEach(closeAll);

describe('dashboard routes', () => {
  it('serves the shell and its files without a token, under a strict Content-Security-Policy', async () => {
    const api = await startApi({ dashboard: true });
    const redirect = await fetch(`${api.url}/dashboard`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/dashboard/');
    const page = await fetch(`${api.url}/dashboard/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="app.js">');
    const script = await fetch(`${api.url}/dashboard/app.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await script.text()).length).toBeGreaterThan(1000);
    expect((await fetch(`${api.url}/dashboard/app.css`)).status).toBe(200);
  });

  it('is not served unless turned on, and a non-boolean option is refused by name', async () => {
    const api = await startApi();
    expect((await fetch(`${api.url}/dashboard/`)).status).toBe(404);
    const runner = createRunner({ queue: new MemoryQueue(), plugins: [testPlugin] });
    const app = Fastify();
    onCleanup(() => app.close());
    const registering = app.register(hangarHttpPlugin, {
      client: runner.client,
      auth: { tokens: TOKEN_TABLE },
      dashboard: 'yes' as unknown as boolean,
    });
    await expect(registering).rejects.toSatisfy(
      (error) => error instanceof ConfigurationError && error.message.includes('dashboard'),
    );
  });

  it('answers who the token is, and refuses a call without one', async () => {
    const api = await startApi({ dashboard: true });
    expect((await api.call('/dashboard/api/me', undefined)).status).toBe(401);
    const me = await api.call('/dashboard/api/me', TOKENS.acmeViewer);
    expect(await me.json()).toEqual({ userId: 'victor', customerId: 'acme', roles: ['viewer'] });
    const admin = await api.call('/dashboard/api/me?customerId=globex', TOKENS.admin);
    expect(await admin.json()).toMatchObject({ customerId: 'globex', roles: ['admin'] });
    expect((await api.call('/dashboard/api/me?customerId=globex', TOKENS.acmeOperator)).status).toBe(403);
  });

  it("counts the caller's jobs per state and queue, with the oldest waiting job, and no other customer's", async () => {
    const api = await startApi({ dashboard: true });
    await api.runner.stop(100);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await enqueue(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: i, b: 1 } });
      ids.push(((await res.json()) as { id: string }).id);
    }
    await enqueue(api, TOKENS.globexOperator, { type: 'math.add', params: { a: 1, b: 1 } });
    await enqueue(api, TOKENS.acmeOperator, {
      type: 'math.add',
      params: { a: 9, b: 9 },
      options: { queue: 'reports' },
    });
    const view = (await (
      await api.call('/dashboard/api/overview', TOKENS.acmeViewer)
    ).json()) as OverviewView;
    expect(view.states.Enqueued).toBe(4);
    expect(view.states.Succeeded).toBe(0);
    expect(view.method).toBe('counts');
    expect(view.capped).toEqual([]);
    expect(view.estimated).toEqual([]);
    expect(view.queues.map((q) => [q.queue, q.states.Enqueued])).toEqual([
      ['default', 3],
      ['reports', 1],
    ]);
    expect(view.queues[0]?.oldestWaitingId).toBe(ids[0]);
  });

  it("shows a job's parameters to its customer only", async () => {
    const api = await startApi({ dashboard: true });
    const res = await enqueue(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 2, b: 5 } });
    const { id } = (await res.json()) as { id: string };
    const own = await api.call(`/dashboard/api/jobs/${id}/params`, TOKENS.acmeViewer);
    expect(await own.json()).toEqual({ id, params: { a: 2, b: 5 } });
    const other = await api.call(`/dashboard/api/jobs/${id}/params`, TOKENS.globexOperator);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('JOB_NOT_FOUND');
  });

  it('serves the page under the prefix of a host service, whose own routes stay untouched', async () => {
    const runner = createRunner({ queue: new MemoryQueue(), plugins: [testPlugin] });
    const app = Fastify();
    onCleanup(() => app.close());
    app.get('/', async () => ({ host: true }));
    await app.register(hangarHttpPlugin, {
      prefix: '/hangar',
      client: runner.client,
      auth: { tokens: TOKEN_TABLE },
      dashboard: true,
    });
    const redirect = await app.inject({ url: '/hangar/dashboard' });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/hangar/dashboard/');
    expect((await app.inject({ url: '/hangar/dashboard/' })).body).toContain('app.js');
    expect((await app.inject({ url: '/hangar/dashboard/api/me' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/' })).json()).toEqual({ host: true });
  });

  it('counts by listing for an adapter that cannot count, and reports a count that reached its limit as capped', async () => {
    const api = await startApi({ dashboard: true });
    await api.runner.stop(100);
    for (let i = 0; i < 3; i += 1) {
      await enqueue(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: i, b: 1 } });
    }
    const view = await scanOverview(api.runner.client, 'acme', 2);
    expect(view.method).toBe('scan');
    expect(view.states.Enqueued).toBe(2);
    expect(view.capped).toEqual(['Enqueued']);
    const exact = await scanOverview(api.runner.client, 'acme', 3);
    expect(exact.states.Enqueued).toBe(3);
    expect(exact.capped).toEqual([]);
  });
});

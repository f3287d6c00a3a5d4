import { ConfigurationError } from '@hangar/core';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryQueue } from '../memory/memory-queue.js';
import { createRunner } from '../runner/hangar-runner.js';
import { createHttpServer, hangarHttpPlugin } from './http-server.js';
import {
  authedFetch,
  closeAll,
  onCleanup,
  readEvents,
  TOKEN_TABLE,
  TOKENS,
  testPlugin,
} from './test-fixtures.js';

afterEach(closeAll);

describe('hangarHttpPlugin inside an existing fastify service', () => {
  it('serves the API under a prefix without touching the host routes', async () => {
    const queue = new MemoryQueue();
    const runner = createRunner({ queue, plugins: [testPlugin], pollIntervalMs: 20 });
    onCleanup(async () => {
      await runner.stop(100);
      await queue.close();
    });
    await runner.start();
    const host = Fastify();
    onCleanup(() => host.close());
    host.get('/health', async () => ({ ok: true }));
    host.get('/boom', async () => {
      throw new Error('host error');
    });
    await host.register(hangarHttpPlugin, {
      prefix: '/hangar',
      client: runner.client,
      auth: { tokens: TOKEN_TABLE },
    });
    await host.listen({ port: 0, host: '127.0.0.1' });
    const address = host.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const base = `http://127.0.0.1:${address.port}`;

    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
    // The host keeps fastify's own error format: the API's handler is scoped to its prefix.
    expect(await (await fetch(`${base}/boom`)).json()).toMatchObject({
      statusCode: 500,
      message: 'host error',
    });
    expect((await fetch(`${base}/hangar/jobs`)).status).toBe(401);
    // An unknown route under the prefix is the API's ROUTE_NOT_FOUND; elsewhere, the host's own 404.
    const unknown = await fetch(`${base}/hangar/nowhere`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND', params: { url: '/hangar/nowhere' } },
    });
    expect(await (await fetch(`${base}/elsewhere`)).json()).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
    });

    const res = await authedFetch(`${base}/hangar/jobs`, TOKENS.acmeOperator, {
      method: 'POST',
      body: JSON.stringify({ type: 'test.steps', params: { count: 2, delayMs: 5 } }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(res.headers.get('location')).toBe(`/hangar/jobs/${id}`);

    const events = await readEvents(await authedFetch(`${base}/hangar/jobs/${id}/events`, TOKENS.acmeViewer));
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { state: 'Succeeded' } });
    const job = await (await authedFetch(`${base}/hangar/jobs/${id}?lang=fr`, TOKENS.acmeViewer)).json();
    expect(job).toMatchObject({ state: 'Succeeded', progress: { text: 'Étape 2 terminée' } });
    const other = await authedFetch(`${base}/hangar/jobs/${id}`, TOKENS.globexOperator);
    expect(await other.json()).toMatchObject({ error: { code: 'JOB_NOT_FOUND' } });

    const doc = (await (await authedFetch(`${base}/hangar/openapi.json`, TOKENS.acmeViewer)).json()) as {
      servers: unknown;
      paths: Record<string, unknown>;
    };
    expect(doc.servers).toEqual([{ url: '/hangar' }]);
    expect(Object.keys(doc.paths)).toContain('/jobs/{id}/events');
  });
});

describe('options', () => {
  const queue = new MemoryQueue();
  const client = createRunner({ queue, plugins: [testPlugin] }).client;
  const token = { token: 'x'.repeat(16), customerId: 'c', userId: 'u', roles: ['viewer' as const] };

  it.each([
    [
      { client, auth: { tokens: [{ ...token, token: 'short' }] } },
      'auth.tokens[0].token',
      'at least 16 characters',
    ],
    [{ client, auth: { tokens: [token, token] } }, 'auth.tokens[1].token', 'configured twice'],
    [
      { client, auth: { tokens: [{ ...token, roles: ['root'] }] } },
      'auth.tokens[0].roles',
      '"root" is not a role',
    ],
    [{ client, auth: { tokens: [{ ...token, roles: [] }] } }, 'auth.tokens[0].roles', 'at least one of'],
    [{ client, auth: { tokens: [{ ...token, customerId: '' }] } }, 'auth.tokens[0].customerId', 'non-empty'],
    [{ client, auth: { tokens: [] } }, 'auth', 'at least one token'],
    [{ client: {}, auth: { tokens: [token] } }, 'client', 'runner.client'],
    [{ client, auth: { tokens: [token] }, maxPageSize: 0 }, 'maxPageSize', 'whole number from 1'],
    [{ client, auth: { tokens: [token] }, defaultPageSize: 500 }, 'defaultPageSize', 'from 1 to 200'],
    [{ client, auth: { tokens: [token] }, filesRoot: '' }, 'filesRoot', 'directory'],
    [{ client, auth: { tokens: [token] }, metrics: { prefix: '9x' } }, 'metrics.prefix', 'not starting'],
    [
      { client, auth: { tokens: [token] }, metrics: { durationBuckets: [1, 0.5] } },
      'metrics.durationBuckets',
      'increasing',
    ],
    [
      { client, auth: { tokens: [token] }, readinessChecks: { queue: async () => 1 } },
      'readinessChecks.queue',
      'another name',
    ],
  ])('rejects bad options before listening (%#: %s)', (options, option, hint) => {
    let error: unknown;
    try {
      createHttpServer(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).params).toMatchObject({ option });
    expect((error as Error).message).toContain(hint);
  });

  it('accepts a custom verify function for tokens outside the table', async () => {
    const app = createHttpServer({
      client,
      auth: {
        verify: (t) => (t === 'from-sso' ? { customerId: 'c', userId: 'u', roles: ['viewer'] } : undefined),
      },
    });
    onCleanup(() => app.close());
    const ok = await app.inject({ url: '/jobs', headers: { authorization: 'Bearer from-sso' } });
    expect(ok.statusCode).toBe(200);
    const ko = await app.inject({ url: '/jobs', headers: { authorization: 'Bearer other' } });
    expect(ko.statusCode).toBe(401);
  });
});

import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client/hangar-client.js';
import { PostgresQueue } from '../postgres/postgres-queue.js';
import { postgresTestScope } from '../postgres/postgres-test-scope.js';
import { TEST_PG_URL } from '../postgres/test-database.js';
import { createHttpServer } from './http-server.js';
import { closeAll, onCleanup, startApi, TOKEN_TABLE, testPlugin } from './test-fixtures.js';

afterEach(closeAll);

/** A readiness check that really asks the PostgreSQL server at `url`. */
function postgresCheck(url: string) {
  return async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
    } finally {
      await client.end().catch(() => undefined);
    }
  };
}

interface ReadyJson {
  status: string;
  checks: Array<{ name: string; ok: boolean; outcome: string }>;
}

describe('GET /health and GET /ready, without a token', () => {
  const pgScope = postgresTestScope();

  it('answers /health 200 and /ready 200 when the PostgreSQL queue and the host checks answer', async () => {
    const queue = await pgScope.open();
    const api = await startApi({ readinessChecks: { conso: postgresCheck(TEST_PG_URL) } }, undefined, queue);
    const health = await fetch(`${api.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      unservedQueues: [],
      checks: [
        { name: 'queue', ok: true, outcome: 'ok' },
        { name: 'conso', ok: true, outcome: 'ok' },
      ],
    });
  });

  it('answers /ready 503 naming a database that refuses and a check that outlasts the timeout', async () => {
    const queue = await pgScope.open();
    const api = await startApi(
      {
        readinessTimeoutMs: 300,
        readinessChecks: {
          // Nothing listens on port 1 of the loopback: the connection is refused.
          archive: postgresCheck('postgres://postgres@127.0.0.1:1/test'),
          stuck: (signal) =>
            new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
        },
      },
      undefined,
      queue,
    );
    const ready = await fetch(`${api.url}/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as ReadyJson;
    expect(body).toEqual({
      status: 'unavailable',
      unservedQueues: [],
      checks: [
        { name: 'queue', ok: true, outcome: 'ok' },
        { name: 'archive', ok: false, outcome: 'failed' },
        { name: 'stuck', ok: false, outcome: 'timeout' },
      ],
    });
    // Health is about the process only.
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });

  it('answers /ready 503 when the queue’s database cannot be reached', async () => {
    const queue = new PostgresQueue({
      connectionString: 'postgres://postgres@127.0.0.1:1/test',
      autoMigrate: false,
    });
    const client = createClient({ queue, plugins: [testPlugin] });
    const app = createHttpServer({ client, auth: { tokens: TOKEN_TABLE }, fastify: { logger: false } });
    onCleanup(async () => {
      await app.close();
      await queue.close();
    });
    const res = await app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'unavailable',
      checks: [{ name: 'queue', ok: false, outcome: 'failed' }],
    });
    expect(res.body).not.toContain('ECONNREFUSED');
  });
});

describe('GET /openapi.json and GET /docs, without a token', () => {
  it('serves the document and a self-contained reference page that reads it', async () => {
    const api = await startApi();
    const doc = await fetch(`${api.url}/openapi.json`);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
    const page = await fetch(`${api.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const html = await page.text();
    expect(html).toContain("fetch('openapi.json')");
    // Offline: nothing is loaded from another origin.
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
  });
});

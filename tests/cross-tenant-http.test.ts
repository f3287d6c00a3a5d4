// Cross-tenant attempts through the HTTP API: customer A's token naming B's objects ends in a
// Failed job with TENANT_MISMATCH and leaves B's data unchanged; only an admin may enqueue a
// system job, which alone may choose its customer through its params.
import { consoDbToken } from '@hangar/conso-db';
import { loadTwoTenantFixture, type TwoTenantFixture } from '@hangar/conso-db/testing';
import { consoJobsPlugin } from '@hangar/jobs-database';
import { openTestDb, type TestDb } from '@hangar/jobs-importexport/testing';
import { createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import { createHttpServer } from '@hangar/runner/http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOKENS = { alphaOperator: 'alpha-operator-token-0001', admin: 'ops-admin-token-000000001' } as const;

describe('cross-tenant attempts through the HTTP API', () => {
  let test: TestDb;
  let runner: HangarRunner;
  let queue: MemoryQueue;
  let app: FastifyInstance;
  let url: string;
  let fx: TwoTenantFixture;

  beforeAll(async () => {
    test = await openTestDb('sqlite');
    fx = await loadTwoTenantFixture(test.consoDb.db);
    queue = new MemoryQueue();
    runner = createRunner({
      queue,
      plugins: [consoJobsPlugin],
      services: [{ token: consoDbToken, value: test.consoDb }],
      pollIntervalMs: 20,
    });
    await runner.start();
    app = createHttpServer({
      client: runner.client,
      auth: {
        tokens: [
          { token: TOKENS.alphaOperator, customerId: fx.a.code, userId: 'alice', roles: ['operator'] },
          { token: TOKENS.admin, customerId: 'ops', userId: 'root', roles: ['admin'] },
        ],
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    url = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await app?.close();
    await runner?.stop();
    await queue?.close();
    await test?.cleanup();
  });

  const call = (path: string, token: string, body?: unknown) =>
    fetch(url + path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function finished(id: string, token: string, lang = 'en') {
    for (;;) {
      const job = (await (await call(`/jobs/${id}?lang=${lang}`, token)).json()) as {
        state: string;
        error?: { code: string; message: string } | null;
        errorInfo?: { code: string; message: string }[];
      };
      if (['Succeeded', 'Failed', 'Cancelled'].includes(job.state)) return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const lockOf = async (customerId: number) =>
    await test.consoDb.db
      .selectFrom('consos')
      .select(['locked', 'locked_by'])
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();

  it("fails A's job naming B's customer with TENANT_MISMATCH, in the caller's language, and B stays unlocked", async () => {
    const response = await call('/jobs', TOKENS.alphaOperator, {
      type: 'conso.action',
      params: { customer: fx.b.code, conso: fx.b.consoCode, action: 'lock' },
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const job = await finished(id, TOKENS.alphaOperator, 'fr');
    expect(job.state).toBe('Failed');
    expect(JSON.stringify(job)).toContain('TENANT_MISMATCH');
    expect(JSON.stringify(job)).toContain('désigne des données hors du client ALPHA');
    expect(Number((await lockOf(fx.b.customerId)).locked)).toBe(0);
  });

  it('refuses a system job to an operator (403) and runs an admin one on the customer its params name', async () => {
    const refused = await call('/jobs', TOKENS.alphaOperator, {
      type: 'conso.action',
      params: { customer: fx.b.code, conso: fx.b.consoCode, action: 'lock' },
      options: { system: true },
    });
    expect(refused.status).toBe(403);
    const accepted = await call('/jobs', TOKENS.admin, {
      type: 'conso.action',
      params: { customer: fx.b.code, conso: fx.b.consoCode, action: 'lock', login: 'ops.root' },
      options: { system: true },
    });
    expect(accepted.status).toBe(201);
    const { id } = (await accepted.json()) as { id: string };
    expect((await finished(id, TOKENS.admin)).state).toBe('Succeeded');
    expect(await lockOf(fx.b.customerId)).toMatchObject({ locked_by: 'ops.root' });
    expect(Number((await lockOf(fx.a.customerId)).locked)).toBe(0);
  });
});

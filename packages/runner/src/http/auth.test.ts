import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, enqueue, startApi, TOKENS, waitDone } from './test-fixtures.js';

afterEach(closeAll);

const ROUTES: Array<[string, string]> = [
  ['POST', '/jobs'],
  ['GET', '/jobs'],
  ['GET', '/jobs/x'],
  ['POST', '/jobs/x/cancel'],
  ['GET', '/jobs/x/events'],
  ['GET', '/jobs/x/files/report.csv'],
  ['GET', '/job-types'],
  ['GET', '/schedules'],
];

describe('authentication', () => {
  it.each(ROUTES)(
    '%s %s answers 401 UNAUTHORIZED without a token, with a wrong one, or another scheme',
    async (method, path) => {
      const api = await startApi();
      for (const headers of [
        {},
        { authorization: 'Bearer not-a-configured-token' },
        { authorization: `Basic ${TOKENS.admin}` },
      ] as Array<Record<string, string>>) {
        const res = await fetch(api.url + path, { method, headers });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        const body = (await res.json()) as { error: { code: string; key: string; message: string } };
        expect(body.error).toMatchObject({ code: 'UNAUTHORIZED', key: 'hangar.error.unauthorized' });
        expect(body.error.message).toContain('bearer token');
      }
    },
  );

  it('renders the 401 message in French for a French caller', async () => {
    const api = await startApi();
    const res = await fetch(`${api.url}/jobs`, { headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Authentification requise : envoyez un jeton bearer valide',
    );
  });
});

describe('roles', () => {
  it('lets a viewer read but not enqueue or cancel', async () => {
    const api = await startApi();
    const created = await enqueue(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 2 } });
    const { id } = (await created.json()) as { id: string };
    expect((await api.call(`/jobs/${id}`, TOKENS.acmeViewer)).status).toBe(200);
    const denied = await enqueue(api, TOKENS.acmeViewer, { type: 'math.add', params: { a: 1, b: 2 } });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({
      error: {
        code: 'FORBIDDEN',
        key: 'hangar.http.roleRequired',
        params: { role: 'operator', roles: 'viewer' },
      },
    });
    expect((await api.call(`/jobs/${id}/cancel`, TOKENS.acmeViewer, { method: 'POST' })).status).toBe(403);
  });

  it('lets only an admin act for another customer with ?customerId=', async () => {
    const api = await startApi();
    const created = await enqueue(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 2 } });
    const { id } = (await created.json()) as { id: string };
    const sneaky = await api.call('/jobs?customerId=acme', TOKENS.globexOperator);
    expect(sneaky.status).toBe(403);
    expect(await sneaky.json()).toMatchObject({
      error: { code: 'FORBIDDEN', key: 'hangar.http.customerForbidden' },
    });
    // Naming one's own customer is harmless.
    expect((await api.call('/jobs?customerId=globex', TOKENS.globexOperator)).status).toBe(200);

    expect((await api.call(`/jobs/${id}`, TOKENS.admin)).status).toBe(404);
    const asAdmin = await api.call(`/jobs/${id}?customerId=acme`, TOKENS.admin);
    expect(asAdmin.status).toBe(200);
    const onBehalf = await enqueue(
      api,
      TOKENS.admin,
      { type: 'math.add', params: { a: 2, b: 2 } },
      '/jobs?customerId=acme',
    );
    const job = (await onBehalf.json()) as { job: { customerId: string; userId: string } };
    expect(job.job).toMatchObject({ customerId: 'acme', userId: 'root' });
  });
});

describe('tenant isolation', () => {
  it("hides another customer's job from get, list, cancel, events and files with 404 JOB_NOT_FOUND", async () => {
    const api = await startApi();
    // Served from the job's own tenant area of filesRoot only.
    await mkdir(join(api.filesRoot, 'tenants', 'acme'), { recursive: true });
    await writeFile(join(api.filesRoot, 'tenants', 'acme', 'report.csv'), 'a,b\n1,2\n');
    const created = await enqueue(api, TOKENS.acmeOperator, {
      type: 'test.files',
      params: { name: 'report.csv', location: 'tenants/acme/report.csv' },
    });
    const { id } = (await created.json()) as { id: string };
    await waitDone(api, id);

    for (const [method, path] of [
      ['GET', `/jobs/${id}`],
      ['POST', `/jobs/${id}/cancel`],
      ['GET', `/jobs/${id}/events`],
      ['GET', `/jobs/${id}/files/report.csv`],
    ] as const) {
      const res = await api.call(path, TOKENS.globexOperator, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'JOB_NOT_FOUND', params: { jobId: id } } });
      // The owner sees it, so the 404 above is isolation, not a missing job.
      const own = await api.call(path, TOKENS.acmeOperator, { method });
      expect(own.status, `${method} ${path} as owner`).toBe(200);
      await own.arrayBuffer();
    }

    const globexList = (await (await api.call('/jobs', TOKENS.globexOperator)).json()) as {
      items: unknown[];
    };
    expect(globexList.items).toEqual([]);
    const acmeList = (await (await api.call('/jobs', TOKENS.acmeViewer)).json()) as {
      items: Array<{ id: string }>;
    };
    expect(acmeList.items.map((j) => j.id)).toEqual([id]);
    expect((await api.runner.client.get(id))?.state).toBe('Succeeded');
  });

  it('never takes the customer or user from the body', async () => {
    const api = await startApi();
    const res = await enqueue(api, TOKENS.globexOperator, {
      type: 'math.add',
      params: { a: 1, b: 1 },
      customerId: 'acme',
      options: { userId: 'alice' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; issues: Array<{ path: string; message: string }> };
    };
    expect(body.error.code).toBe('REQUEST_INVALID');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['customerId', 'options.userId']);
    expect(body.error.issues[0]?.message).toContain('bearer token');
    expect((await api.runner.client.list()).items).toHaveLength(0);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { postgresTestScope } from '../postgres/postgres-test-scope.js';
import { closeAll, type ErrorJson, startApi, type TestApi, TOKENS } from './test-fixtures.js';

afterEach(closeAll);

function put(api: TestApi, name: string, token: string, body: unknown) {
  return api.call(`/triggers/${name}`, token, { method: 'PUT', body: JSON.stringify(body) });
}

function post(api: TestApi, path: string, token: string) {
  return api.call(path, token, { method: 'POST' });
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as ErrorJson).error.code;
}

const afterAdd = {
  on: { type: 'math.add', states: ['Succeeded'] },
  job: { type: 'math.add', params: { a: 10, b: 20 } },
};

describe('event triggers from the API, on PostgreSQL', () => {
  const pg = postgresTestScope();

  it('creates, replaces, pauses, resumes and deletes a customer’s trigger, bound to that customer', async () => {
    const api = await startApi({}, undefined, await pg.open());
    const created = await put(api, 'acme-after-add', TOKENS.acmeOperator, afterAdd);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      created: true,
      trigger: {
        name: 'acme-after-add',
        on: { type: 'math.add', customerId: 'acme', states: ['Succeeded'], metadata: {} },
        job: { type: 'math.add', queue: null },
        paused: false,
        lastFiredAt: null,
      },
    });
    const paused = await post(api, '/triggers/acme-after-add/pause', TOKENS.acmeOperator);
    expect(await paused.json()).toMatchObject({ paused: true });
    // Replacing keeps the pause unless the body says otherwise.
    const replaced = await put(api, 'acme-after-add', TOKENS.acmeOperator, {
      ...afterAdd,
      on: { ...afterAdd.on, states: ['Succeeded', 'Failed'] },
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({
      created: false,
      trigger: { paused: true, on: { states: ['Succeeded', 'Failed'] } },
    });
    const resumed = await post(api, '/triggers/acme-after-add/resume', TOKENS.acmeOperator);
    expect(await resumed.json()).toMatchObject({ paused: false });
    const listed = await api.call('/triggers', TOKENS.acmeViewer);
    expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(1);

    const deleted = await api.call('/triggers/acme-after-add', TOKENS.acmeOperator, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ name: 'acme-after-add', deleted: true });
    const again = await api.call('/triggers/acme-after-add', TOKENS.acmeOperator, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(await codeOf(again)).toBe('TRIGGER_NOT_FOUND');
  });

  it('keeps customers apart: another customer’s trigger is 404, its name 409, and it fires only on its own jobs', async () => {
    const api = await startApi({}, undefined, await pg.open());
    expect((await put(api, 'acme-after-add', TOKENS.acmeOperator, afterAdd)).status).toBe(201);
    expect(await (await api.call('/triggers', TOKENS.globexOperator)).json()).toEqual({ items: [] });
    for (const action of ['pause', 'resume']) {
      const res = await post(api, `/triggers/acme-after-add/${action}`, TOKENS.globexOperator);
      expect(res.status).toBe(404);
      expect(await codeOf(res)).toBe('TRIGGER_NOT_FOUND');
    }
    expect(
      (await api.call('/triggers/acme-after-add', TOKENS.globexOperator, { method: 'DELETE' })).status,
    ).toBe(404);
    const taken = await put(api, 'acme-after-add', TOKENS.globexOperator, afterAdd);
    expect(taken.status).toBe(409);
    expect(await codeOf(taken)).toBe('TRIGGER_NAME_TAKEN');
    expect((await put(api, 'viewer-try', TOKENS.acmeViewer, afterAdd)).status).toBe(403);
    // A body cannot name the customer whose jobs fire it.
    const smuggled = await put(api, 'smuggled', TOKENS.globexOperator, {
      ...afterAdd,
      on: { ...afterAdd.on, customerId: 'acme' },
    });
    expect(smuggled.status).toBe(400);
    expect(await smuggled.json()).toMatchObject({
      error: { code: 'REQUEST_INVALID', issues: [{ path: 'on.customerId' }] },
    });

    const client = api.runner.client;
    const globex = await client.enqueue('math.add', { a: 1, b: 1 }, { customerId: 'globex' });
    const acme = await client.enqueue('math.add', { a: 2, b: 2 }, { customerId: 'acme' });
    await vi.waitFor(
      async () => {
        const fired = (await client.list({ types: ['math.add'] })).items.filter((j) => j.metadata?.trigger);
        expect(fired).toHaveLength(1);
        expect(fired[0]).toMatchObject({ customerId: 'acme', metadata: { triggerEvent: acme.id } });
      },
      { timeout: 15_000, interval: 100 },
    );
    await client.waitFor(globex.id, { pollMs: 20 });
    await api.runner.fireTriggers();
    const firedAfter = (await client.list({ types: ['math.add'] })).items.filter((j) => j.metadata?.trigger);
    expect(firedAfter).toHaveLength(1);
  });

  it('keeps triggers on every customer’s jobs to admins', async () => {
    const api = await startApi({}, undefined, await pg.open());
    const operator = await put(api, 'system-after-add', TOKENS.acmeOperator, { ...afterAdd, system: true });
    expect(operator.status).toBe(403);
    const admin = await put(api, 'system-after-add', TOKENS.admin, { ...afterAdd, system: true });
    expect(admin.status).toBe(201);
    expect((await api.runner.client.triggers.get('system-after-add'))?.on.customerId).toBeUndefined();
    expect(await (await api.call('/triggers', TOKENS.acmeOperator)).json()).toEqual({ items: [] });
    expect((await post(api, '/triggers/system-after-add/pause', TOKENS.acmeOperator)).status).toBe(404);
    // Neither can a customer take the name, nor an admin turn it into a customer's trigger.
    expect((await put(api, 'system-after-add', TOKENS.acmeOperator, afterAdd)).status).toBe(409);
    expect((await put(api, 'system-after-add', TOKENS.admin, afterAdd)).status).toBe(409);
    const listed = (await (await api.call('/triggers', TOKENS.admin)).json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(1);
  });

  it('refuses bad states, job type or parameters, naming the field, and stores nothing', async () => {
    const api = await startApi({}, undefined, await pg.open());
    const cases: Array<[unknown, string, string]> = [
      [{ ...afterAdd, on: { type: 'math.add', states: [] } }, 'REQUEST_INVALID', 'on.states'],
      [{ ...afterAdd, on: { type: 'math.add', states: ['Done'] } }, 'REQUEST_INVALID', 'on.states.0'],
      [{ ...afterAdd, on: { states: ['Failed'] } }, 'REQUEST_INVALID', 'on.type'],
      [{ ...afterAdd, job: { type: 'no.such', params: {} } }, 'JOB_TYPE_UNKNOWN', ''],
      [{ ...afterAdd, job: { type: 'math.add', params: { a: 'one', b: 1 } } }, 'PARAMS_INVALID', 'a'],
    ];
    for (const [body, code, path] of cases) {
      const res = await put(api, 'bad', TOKENS.acmeOperator, body);
      expect(res.status).toBe(400);
      const error = ((await res.json()) as ErrorJson).error;
      expect(error.code).toBe(code);
      if (path) expect(error.issues?.[0]?.path).toBe(path);
    }
    expect(await api.runner.client.triggers.list()).toEqual([]);
  });
});

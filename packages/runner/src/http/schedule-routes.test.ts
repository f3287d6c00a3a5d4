import { afterEach, describe, expect, it, vi } from 'vitest';
import { postgresTestScope } from '../postgres/postgres-test-scope.js';
import { closeAll, type ErrorJson, startApi, type TestApi, TOKENS } from './test-fixtures.js';

afterEach(closeAll);

interface ScheduleJson {
  name: string;
  cron: string;
  paused: boolean;
  nextRunAt: string | null;
}

function put(api: TestApi, name: string, token: string, body: unknown, query = '') {
  return api.call(`/schedules/${name}${query}`, token, { method: 'PUT', body: JSON.stringify(body) });
}

function post(api: TestApi, path: string, token: string) {
  return api.call(path, token, { method: 'POST' });
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as ErrorJson).error.code;
}

const nightly = { cron: '0 2 * * *', timezone: 'Europe/Paris', type: 'math.add', params: { a: 1, b: 2 } };

describe('schedules from the API, on PostgreSQL', () => {
  const pg = postgresTestScope();

  it('creates, replaces, pauses, resumes, triggers and deletes a customer’s schedule', async () => {
    const api = await startApi({}, undefined, await pg.open());
    const created = await put(api, 'acme-nightly', TOKENS.acmeOperator, nightly);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { created: boolean; schedule: ScheduleJson };
    expect(body).toMatchObject({ created: true, schedule: { name: 'acme-nightly', paused: false } });
    expect(body.schedule.nextRunAt).not.toBeNull();
    expect((await api.runner.client.schedules.get('acme-nightly'))?.options).toEqual({
      customerId: 'acme',
      userId: 'alice',
    });

    const paused = await post(api, '/schedules/acme-nightly/pause', TOKENS.acmeOperator);
    expect(await paused.json()).toMatchObject({ paused: true, nextRunAt: null });
    // Replacing keeps the pause unless the body says otherwise.
    const replaced = await put(api, 'acme-nightly', TOKENS.acmeOperator, { ...nightly, cron: '30 3 * * *' });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({
      created: false,
      schedule: { cron: '30 3 * * *', paused: true },
    });
    const resumed = await post(api, '/schedules/acme-nightly/resume', TOKENS.acmeOperator);
    const resumedBody = (await resumed.json()) as ScheduleJson;
    expect(resumedBody.paused).toBe(false);
    expect(new Date(resumedBody.nextRunAt ?? 0).getTime()).toBeGreaterThan(Date.now());

    const triggered = await post(api, '/schedules/acme-nightly/trigger', TOKENS.acmeOperator);
    expect(triggered.status).toBe(201);
    const { jobId } = (await triggered.json()) as { jobId: string };
    const job = await api.runner.client.waitFor(jobId, { pollMs: 20 });
    expect(job).toMatchObject({ state: 'Succeeded', customerId: 'acme', type: 'math.add' });

    const deleted = await api.call('/schedules/acme-nightly', TOKENS.acmeOperator, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ name: 'acme-nightly', deleted: true });
    const again = await api.call('/schedules/acme-nightly', TOKENS.acmeOperator, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(await codeOf(again)).toBe('SCHEDULE_NOT_FOUND');
  });

  it('keeps customers apart: another customer’s schedule is 404, its name 409, and its jobs stay its own', async () => {
    const api = await startApi({}, undefined, await pg.open());
    // Every second, so that the runner fires it while the test watches.
    expect(
      (await put(api, 'acme-often', TOKENS.acmeOperator, { ...nightly, cron: '* * * * * *' })).status,
    ).toBe(201);

    const list = await api.call('/schedules', TOKENS.globexOperator);
    expect(await list.json()).toEqual({ items: [] });
    for (const action of ['pause', 'resume', 'trigger']) {
      const res = await post(api, `/schedules/acme-often/${action}`, TOKENS.globexOperator);
      expect(res.status).toBe(404);
      expect(await codeOf(res)).toBe('SCHEDULE_NOT_FOUND');
    }
    expect(
      (await api.call('/schedules/acme-often', TOKENS.globexOperator, { method: 'DELETE' })).status,
    ).toBe(404);
    const taken = await put(api, 'acme-often', TOKENS.globexOperator, nightly);
    expect(taken.status).toBe(409);
    expect(await codeOf(taken)).toBe('SCHEDULE_NAME_TAKEN');
    expect((await put(api, 'viewer-try', TOKENS.acmeViewer, nightly)).status).toBe(403);
    // A body cannot name the customer its jobs are for.
    const smuggled = await put(api, 'smuggled', TOKENS.globexOperator, {
      ...nightly,
      options: { customerId: 'acme' },
    });
    expect(smuggled.status).toBe(400);
    expect(await smuggled.json()).toMatchObject({
      error: { code: 'REQUEST_INVALID', issues: [{ path: 'options.customerId' }] },
    });

    await vi.waitFor(
      async () => {
        const page = await api.runner.client.list({ types: ['math.add'] });
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.items.every((j) => j.customerId === 'acme')).toBe(true);
      },
      { timeout: 10_000, interval: 100 },
    );
    expect((await api.runner.client.list({ customerId: 'globex' })).items).toEqual([]);
  });

  it('keeps schedules of no customer to admins', async () => {
    const api = await startApi({}, undefined, await pg.open());
    const operator = await put(api, 'system-cleanup', TOKENS.acmeOperator, { ...nightly, system: true });
    expect(operator.status).toBe(403);
    const admin = await put(api, 'system-cleanup', TOKENS.admin, { ...nightly, system: true });
    expect(admin.status).toBe(201);
    expect((await api.runner.client.schedules.get('system-cleanup'))?.options).toEqual({});
    expect(await (await api.call('/schedules', TOKENS.acmeOperator)).json()).toEqual({ items: [] });
    expect((await post(api, '/schedules/system-cleanup/pause', TOKENS.acmeOperator)).status).toBe(404);
    // Neither can a customer take the name, nor an admin turn it into a customer's schedule.
    expect((await put(api, 'system-cleanup', TOKENS.acmeOperator, nightly)).status).toBe(409);
    expect((await put(api, 'system-cleanup', TOKENS.admin, nightly)).status).toBe(409);

    const triggered = await post(api, '/schedules/system-cleanup/trigger', TOKENS.admin);
    const { jobId } = (await triggered.json()) as { jobId: string };
    expect((await api.runner.client.waitFor(jobId, { pollMs: 20 })).customerId).toBeUndefined();
  });

  it('refuses a bad cron, time zone, job type or parameters, naming the field, and stores nothing', async () => {
    const api = await startApi({}, undefined, await pg.open());
    const cases: Array<[unknown, string, string]> = [
      [{ ...nightly, cron: 'every day' }, 'REQUEST_INVALID', 'cron'],
      [{ ...nightly, timezone: 'Mars/Olympus' }, 'REQUEST_INVALID', 'timezone'],
      [{ ...nightly, type: 'no.such' }, 'JOB_TYPE_UNKNOWN', ''],
      [{ ...nightly, params: { a: 'one' } }, 'PARAMS_INVALID', 'a'],
    ];
    for (const [body, code, path] of cases) {
      const res = await put(api, 'bad', TOKENS.acmeOperator, body);
      expect(res.status).toBe(400);
      const error = ((await res.json()) as ErrorJson).error;
      expect(error.code).toBe(code);
      if (path) expect(error.issues?.[0]?.path).toBe(path);
    }
    expect(await api.runner.client.schedules.list()).toEqual([]);
  });
});

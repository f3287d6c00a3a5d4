import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, type ErrorJson, enqueue, startApi, TOKENS, waitDone } from './test-fixtures.js';

afterEach(closeAll);

describe('POST /jobs → GET /jobs/:id', () => {
  it('enqueues, runs and reports the result with attempts, worker, timestamps and messages', async () => {
    const api = await startApi();
    const res = await enqueue(api, TOKENS.acmeOperator, {
      type: 'math.add',
      params: { a: 2, b: 3 },
      options: { priority: 5, queue: 'default' },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as {
      id: string;
      created: boolean;
      job: { state: string; customerId: string; userId: string; priority: number };
    };
    expect(res.headers.get('location')).toBe(`/jobs/${created.id}`);
    expect(created).toMatchObject({
      created: true,
      job: { customerId: 'acme', userId: 'alice', priority: 5 },
    });

    const job = await waitDone(api, created.id);
    expect(job).toMatchObject({
      id: created.id,
      type: 'math.add',
      state: 'Succeeded',
      success: true,
      result: { sum: 5 },
      attempts: 1,
      errors: [],
      warnings: [],
      worker: { id: api.runner.worker.id, pid: process.pid },
      progress: {
        text: 'Adding 2 and 3',
        key: 'test.adding',
        params: { a: 2, b: 3 },
        current: 1,
        total: 1,
        percent: 100,
      },
      messages: [{ seq: 1, level: 'progress', text: 'Adding 2 and 3', key: 'test.adding' }],
    });
    for (const field of ['createdAt', 'updatedAt', 'runAt', 'startedAt', 'finishedAt']) {
      expect(new Date(job[field] as string).toISOString()).toBe(job[field]);
    }
  });

  it('renders progress, warnings and errors in French or English from ?lang= or Accept-Language', async () => {
    const api = await startApi();
    const ok = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'test.steps', params: { count: 2, delayMs: 1 } })
    ).json()) as { id: string };
    const ko = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'test.fail', params: {} })
    ).json()) as { id: string };
    await waitDone(api, ok.id);
    await waitDone(api, ko.id);

    const fr = (await (await api.call(`/jobs/${ok.id}?lang=fr`, TOKENS.acmeViewer)).json()) as {
      progress: { text: string };
      warnings: Array<{ text: string }>;
      messages: Array<{ text: string }>;
    };
    expect(fr.progress.text).toBe('Étape 2 terminée');
    expect(fr.warnings.map((w) => w.text)).toEqual(['Presque fini']);
    expect(fr.messages.map((m) => m.text)).toEqual(['Étape 1 terminée', 'Étape 2 terminée', 'Presque fini']);

    const en = await api.call(`/jobs/${ok.id}`, TOKENS.acmeViewer, {
      headers: { 'accept-language': 'de-DE, en;q=0.8' },
    });
    expect(((await en.json()) as { progress: { text: string } }).progress.text).toBe('Step 2 done');

    const failed = await api.call(`/jobs/${ko.id}`, TOKENS.acmeViewer, {
      headers: { 'accept-language': 'fr-CA,en;q=0.5' },
    });
    expect(await failed.json()).toMatchObject({
      state: 'Failed',
      success: null,
      errors: [
        {
          code: 'JOB_UNRECOVERABLE',
          key: 'test.noLedger',
          text: "Le grand livre L1 n'existe pas",
          source: 'test.fail',
        },
      ],
    });
    const missing = await api.call('/jobs/nope?lang=fr', TOKENS.acmeViewer);
    expect(((await missing.json()) as ErrorJson).error.message).toBe('La tâche nope est introuvable');
  });

  it('returns the first job for a repeated idempotency key', async () => {
    const api = await startApi();
    const body = {
      type: 'math.add',
      params: { a: 1, b: 1 },
      options: { idempotencyKey: 'k-1', delayMs: 60_000 },
    };
    const first = await enqueue(api, TOKENS.acmeOperator, body);
    const second = await enqueue(api, TOKENS.acmeOperator, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const [a, b] = (await Promise.all([first.json(), second.json()])) as Array<{
      id: string;
      created: boolean;
      job: { state: string };
    }>;
    expect(b).toMatchObject({ id: a?.id, created: false });
    expect(a?.job.state).toBe('Scheduled');
  });
});

describe('validation', () => {
  it('answers PARAMS_INVALID with the path of every bad parameter', async () => {
    const api = await startApi();
    const res = await enqueue(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 'x' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error).toMatchObject({
      code: 'PARAMS_INVALID',
      key: 'hangar.error.paramsInvalid',
      params: { type: 'math.add' },
    });
    expect(body.error.issues?.map((i) => i.path)).toEqual(['a', 'b']);
    expect(body.error.message).toContain('Invalid parameters for job "math.add"');
  });

  it('answers JOB_TYPE_UNKNOWN naming the registered types', async () => {
    const api = await startApi();
    const res = await enqueue(api, TOKENS.acmeOperator, { type: 'math.nope', params: {} });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorJson;
    expect(body.error).toMatchObject({ code: 'JOB_TYPE_UNKNOWN', params: { type: 'math.nope' } });
    expect(body.error.message).toContain('math.add');
  });

  it('answers REQUEST_INVALID with field paths for bad options, bad JSON and bad query parameters', async () => {
    const api = await startApi();
    const bad = await enqueue(api, TOKENS.acmeOperator, {
      params: {},
      options: { delayMs: -5, priority: 1.5, queue: 'no spaces', retries: 3 },
    });
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as ErrorJson).error.issues ?? [];
    expect(Object.fromEntries(issues.map((i) => [i.path, i.message]))).toEqual({
      type: expect.stringContaining('job type name'),
      'options.delayMs': 'must be 0 or more',
      'options.priority': expect.stringContaining('integer'),
      'options.queue': expect.stringContaining('letters, digits'),
      'options.retries': expect.stringContaining('unknown field'),
    });

    const notJson = await api.call('/jobs', TOKENS.acmeOperator, {
      method: 'POST',
      body: '{"type":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorJson).error.code).toBe('REQUEST_INVALID');

    const notObject = await api.call('/jobs', TOKENS.acmeOperator, { method: 'POST', body: '[1]' });
    expect(((await notObject.json()) as ErrorJson).error.issues?.[0]?.message).toContain('JSON object');

    const query = await api.call('/jobs?limit=0&state=Running&status=x', TOKENS.acmeViewer);
    expect(query.status).toBe(400);
    const qIssues = ((await query.json()) as ErrorJson).error.issues ?? [];
    expect(qIssues.map((i) => i.path).sort()).toEqual(['query.limit', 'query.state.0', 'query.status']);
    expect(qIssues.find((i) => i.path === 'query.state.0')?.message).toContain('Succeeded');
  });

  it('answers ROUTE_NOT_FOUND for unknown routes', async () => {
    const api = await startApi();
    const res = await api.call('/nope', TOKENS.acmeViewer);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND', params: { method: 'GET', url: '/nope' } },
    });
  });
});

describe('GET /jobs', () => {
  it('filters by state, type and queue and pages with a cursor', async () => {
    const api = await startApi();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await enqueue(api, TOKENS.acmeOperator, {
        type: 'math.add',
        params: { a: i, b: 0 },
        options: { delayMs: 60_000 },
      });
      ids.push(((await res.json()) as { id: string }).id);
    }
    const done = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'test.steps', params: { count: 1, delayMs: 0 } })
    ).json()) as { id: string };
    await waitDone(api, done.id);

    const scheduled = (await (
      await api.call('/jobs?state=Scheduled&type=math.add', TOKENS.acmeViewer)
    ).json()) as { items: Array<{ id: string }> };
    expect(scheduled.items.map((j) => j.id)).toEqual([...ids].reverse());
    const both = (await (
      await api.call('/jobs?state=Scheduled,Succeeded&queue=default', TOKENS.acmeViewer)
    ).json()) as { items: unknown[] };
    expect(both.items).toHaveLength(6);
    const succeeded = (await (await api.call('/jobs?state=Succeeded', TOKENS.acmeViewer)).json()) as {
      items: Array<{ id: string }>;
    };
    expect(succeeded.items.map((j) => j.id)).toEqual([done.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `/jobs?type=math.add&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await (await api.call(qs, TOKENS.acmeViewer)).json()) as {
        items: Array<{ id: string }>;
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });
});

describe('POST /jobs/:id/cancel', () => {
  it('cancels a waiting job at once and asks a running one to stop', async () => {
    const api = await startApi();
    const waiting = (await (
      await enqueue(api, TOKENS.acmeOperator, {
        type: 'math.add',
        params: { a: 1, b: 1 },
        options: { delayMs: 60_000 },
      })
    ).json()) as { id: string };
    const res = await api.call(`/jobs/${waiting.id}/cancel`, TOKENS.acmeOperator, { method: 'POST' });
    expect(await res.json()).toMatchObject({
      id: waiting.id,
      outcome: 'cancelled',
      job: { state: 'Cancelled' },
    });

    const running = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'test.steps', params: { count: 200, delayMs: 10 } })
    ).json()) as { id: string };
    await expect
      .poll(async () => (await api.runner.client.get(running.id))?.state, { interval: 10 })
      .toBe('Processing');
    const stop = await api.call(`/jobs/${running.id}/cancel`, TOKENS.acmeOperator, { method: 'POST' });
    expect(await stop.json()).toMatchObject({ outcome: 'requested' });
    expect((await waitDone(api, running.id)).state).toBe('Cancelled');

    const again = await api.call(`/jobs/${running.id}/cancel`, TOKENS.acmeOperator, { method: 'POST' });
    expect(await again.json()).toMatchObject({ outcome: 'finished' });
    expect((await api.call('/jobs/missing/cancel', TOKENS.acmeOperator, { method: 'POST' })).status).toBe(
      404,
    );
  });
});

describe('GET /job-types and GET /schedules', () => {
  it('lists job types with their parameter schemas and rendered descriptions', async () => {
    const api = await startApi();
    const res = await api.call('/job-types?lang=fr', TOKENS.acmeViewer);
    const body = (await res.json()) as {
      items: Array<{
        type: string;
        description: { text: string } | null;
        paramsSchema: { properties?: Record<string, unknown> };
      }>;
    };
    expect(body.items.map((i) => i.type)).toEqual(['math.add', 'test.fail', 'test.files', 'test.steps']);
    const add = body.items[0];
    expect(add?.description?.text).toBe('Additionne deux nombres');
    expect(add?.paramsSchema).toMatchObject({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    });
    // The input schema: a field with a default may be left out.
    expect(body.items[3]?.paramsSchema).toMatchObject({
      properties: { count: { type: 'integer' }, delayMs: { type: 'integer', default: 0 } },
      required: ['count'],
    });
  });

  it('shows a customer only its own schedules, and system schedules only to admins', async () => {
    const api = await startApi();
    const schedules = api.runner.client.schedules;
    await schedules.upsert({
      name: 'acme-nightly',
      cron: '0 2 * * *',
      type: 'math.add',
      params: { a: 1, b: 1 },
      options: { customerId: 'acme' },
    });
    await schedules.upsert({
      name: 'globex-hourly',
      cron: '0 * * * *',
      type: 'math.add',
      params: { a: 1, b: 1 },
      options: { customerId: 'globex' },
    });
    await schedules.upsert({
      name: 'system-cleanup',
      cron: '*/5 * * * *',
      type: 'math.add',
      params: { a: 0, b: 0 },
    });
    const names = async (token: string) =>
      (
        (await (await api.call('/schedules', token)).json()) as {
          items: Array<{ name: string; nextRunAt: string }>;
        }
      ).items.map((s) => s.name);
    expect(await names(TOKENS.acmeViewer)).toEqual(['acme-nightly']);
    expect(await names(TOKENS.globexOperator)).toEqual(['globex-hourly']);
    expect(await names(TOKENS.admin)).toEqual(['system-cleanup']);
    const acme = (await (await api.call('/schedules', TOKENS.acmeViewer)).json()) as {
      items: Array<{ nextRunAt: string; cron: string }>;
    };
    expect(Date.parse(acme.items[0]?.nextRunAt ?? '')).toBeGreaterThan(Date.now());
  });
});

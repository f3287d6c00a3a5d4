import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeAll, enqueue, readEvents, startApi, TOKENS } from './test-fixtures.js';

afterEach(closeAll);

describe('GET /jobs/:id/events', () => {
  it('streams every progress message and the state changes, ends with the terminal state, then closes', async () => {
    const api = await startApi();
    const { id } = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'test.steps', params: { count: 5, delayMs: 15 } })
    ).json()) as { id: string };
    const res = await api.call(`/jobs/${id}/events?lang=fr`, TOKENS.acmeViewer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readEvents(res);

    const progress = events
      .filter((e) => e.event === 'progress')
      .map((e) => e.data as { text: string; percent: number; seq: number });
    expect(progress.map((p) => p.text)).toEqual([1, 2, 3, 4, 5].map((n) => `Étape ${n} terminée`));
    expect(progress.map((p) => p.percent)).toEqual([20, 40, 60, 80, 100]);
    expect(events.filter((e) => e.event === 'progress').map((e) => e.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(
      events.filter((e) => e.event === 'message').map((e) => e.data as { level: string; text: string }),
    ).toEqual([expect.objectContaining({ level: 'warning', text: 'Presque fini' })]);
    const states = events.filter((e) => e.event === 'state').map((e) => (e.data as { state: string }).state);
    expect(states.at(-1)).toBe('Succeeded');
    expect(new Set(states).size).toBe(states.length);
    const last = events.filter((e) => e.event === 'state').at(-1)?.data as {
      job: { result: unknown; warnings: Array<{ text: string }> };
    };
    expect(last.job.result).toEqual({ steps: 5 });
    expect(last.job.warnings.map((w) => w.text)).toEqual(['Presque fini']);
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { id, state: 'Succeeded' } });
  });

  it('replays a finished job at once and resumes after Last-Event-ID', async () => {
    const api = await startApi();
    const { id } = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'test.steps', params: { count: 3, delayMs: 0 } })
    ).json()) as { id: string };
    await api.runner.client.waitFor(id, { pollMs: 20 });
    const all = await readEvents(await api.call(`/jobs/${id}/events`, TOKENS.acmeViewer));
    expect(all.map((e) => e.event)).toEqual(['progress', 'progress', 'progress', 'message', 'state', 'end']);
    const resumed = await readEvents(
      await api.call(`/jobs/${id}/events`, TOKENS.acmeViewer, { headers: { 'last-event-id': '2' } }),
    );
    expect(resumed.map((e) => [e.event, e.id])).toEqual([
      ['progress', '3'],
      ['message', '4'],
      ['state', undefined],
      ['end', undefined],
    ]);
  });

  it('streams a cancellation as the terminal state', async () => {
    const api = await startApi();
    const { id } = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'test.steps', params: { count: 500, delayMs: 10 } })
    ).json()) as { id: string };
    const res = await api.call(`/jobs/${id}/events`, TOKENS.acmeViewer);
    const reading = readEvents(res);
    await expect
      .poll(async () => (await api.runner.client.get(id))?.progress?.current ?? 0, { interval: 10 })
      .toBeGreaterThan(1);
    await api.call(`/jobs/${id}/cancel`, TOKENS.acmeOperator, { method: 'POST' });
    const events = await reading;
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { state: 'Cancelled' } });
    expect(events.some((e) => e.event === 'progress')).toBe(true);
  });

  it('stops following the job when the client disconnects', async () => {
    // After an abort, fetch may open a spare connection that never sends a request; only a forced close ends it at once.
    const api = await startApi({ fastify: { forceCloseConnections: true } });
    const { id } = (await (
      await enqueue(api, TOKENS.acmeOperator, {
        type: 'test.steps',
        params: { count: 1, delayMs: 0 },
        options: { delayMs: 60_000 },
      })
    ).json()) as { id: string };
    const getLog = vi.spyOn(api.runner.client, 'getLog');
    const controller = new AbortController();
    const res = await api.call(`/jobs/${id}/events`, TOKENS.acmeViewer, { signal: controller.signal });
    const reading = readEvents(res).catch(() => []);
    // The stream re-reads every 50 ms while it is open...
    await expect.poll(() => getLog.mock.calls.length, { interval: 20 }).toBeGreaterThan(2);
    controller.abort();
    await reading;
    await new Promise((resolve) => setTimeout(resolve, 150));
    const afterDisconnect = getLog.mock.calls.length;
    // ...and not at all once the client is gone.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(getLog.mock.calls.length).toBe(afterDisconnect);
  });

  it('lets the server close while streams are open', async () => {
    const api = await startApi();
    const { id } = (await (
      await enqueue(api, TOKENS.acmeOperator, {
        type: 'test.steps',
        params: { count: 1, delayMs: 0 },
        options: { delayMs: 60_000 },
      })
    ).json()) as { id: string };
    const res = await api.call(`/jobs/${id}/events`, TOKENS.acmeViewer);
    const reading = readEvents(res);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await api.app.close();
    expect(Date.now() - started).toBeLessThan(2000);
    const events = await reading;
    expect(events.map((e) => e.event)).toEqual(['state']);
  });
});

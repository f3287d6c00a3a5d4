import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { redisTestSkip } from '../redis/redis-test-harness.js';
import { testNamespace } from '../redis/redis-test-support.js';
import { closeAll, enqueue, onCleanup, startApi, type TestApi, TOKENS, waitDone } from './test-fixtures.js';

afterEach(closeAll);

/** The value of one sample of a scrape, by metric name and exact label set; undefined when absent. */
function sample(scrape: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(',');
  for (const line of scrape.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const got = (match[2] ?? '').split(',').filter(Boolean).sort().join(',');
    if (got === wanted) return Number(match[3]);
  }
  return undefined;
}

async function scrape(api: TestApi): Promise<string> {
  const res = await fetch(`${api.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

async function run(api: TestApi, body: unknown): Promise<string> {
  const { id } = (await (await enqueue(api, TOKENS.acmeOperator, body)).json()) as { id: string };
  await waitDone(api, id);
  return id;
}

describe('GET /metrics on Redis', () => {
  let skip: string | undefined;
  beforeAll(async () => {
    skip = await redisTestSkip('metrics on Redis');
  });

  async function api(metrics: boolean | { customerLabel: boolean }): Promise<TestApi> {
    const ns = testNamespace();
    onCleanup(() => ns.teardown());
    return startApi({ metrics }, undefined, await ns.create());
  }

  it('counts real jobs by type and queue, times their attempts, and reads depths and runners on scrape', async (ctx) => {
    if (skip) return ctx.skip();
    const server = await api(true);
    const before = await scrape(server);
    expect(
      sample(before, 'hangar_jobs_succeeded_total', { type: 'math.add', queue: 'default' }),
    ).toBeUndefined();
    expect(sample(before, 'hangar_runners_alive')).toBe(1);

    await run(server, { type: 'math.add', params: { a: 1, b: 2 } });
    await run(server, { type: 'math.add', params: { a: 3, b: 4 } });
    const failed = await run(server, { type: 'test.fail', params: {} });
    await enqueue(server, TOKENS.acmeOperator, {
      type: 'math.add',
      params: { a: 0, b: 0 },
      options: { queue: 'nightly' },
    });
    expect((await server.call(`/jobs/${failed}/retry`, TOKENS.acmeOperator, { method: 'POST' })).status).toBe(
      200,
    );
    await waitDone(server, failed);

    const after = await scrape(server);
    const add = { type: 'math.add', queue: 'default' };
    const fail = { type: 'test.fail', queue: 'default' };
    expect(sample(after, 'hangar_jobs_enqueued_total', add)).toBe(2);
    expect(sample(after, 'hangar_jobs_enqueued_total', { type: 'math.add', queue: 'nightly' })).toBe(1);
    expect(sample(after, 'hangar_jobs_started_total', add)).toBe(2);
    expect(sample(after, 'hangar_jobs_succeeded_total', add)).toBe(2);
    expect(sample(after, 'hangar_jobs_started_total', fail)).toBe(2);
    expect(sample(after, 'hangar_jobs_failed_total', fail)).toBe(2);
    expect(sample(after, 'hangar_jobs_retried_total', fail)).toBe(1);
    expect(sample(after, 'hangar_job_attempt_duration_seconds_count', { ...add, outcome: 'succeeded' })).toBe(
      2,
    );
    expect(
      sample(after, 'hangar_job_attempt_duration_seconds_bucket', {
        ...add,
        outcome: 'succeeded',
        le: '+Inf',
      }),
    ).toBe(2);
    expect(sample(after, 'hangar_queue_depth', { queue: 'nightly' })).toBe(1);
    expect(sample(after, 'hangar_queue_depth', { queue: 'default' })).toBeUndefined();
    expect(sample(after, 'hangar_queue_oldest_waiting_seconds', { queue: 'nightly' })).toBeGreaterThanOrEqual(
      0,
    );
    expect(sample(after, 'hangar_queue_oldest_waiting_seconds', { queue: 'default' })).toBeUndefined();
    expect(after).not.toContain('customer=');
  });

  it('adds the customer label only when the operator turns it on', async (ctx) => {
    if (skip) return ctx.skip();
    const server = await api({ customerLabel: true });
    await run(server, { type: 'math.add', params: { a: 1, b: 2 } });
    const text = await scrape(server);
    expect(
      sample(text, 'hangar_jobs_succeeded_total', { type: 'math.add', queue: 'default', customer: 'acme' }),
    ).toBe(1);
  });

  it('serves no /metrics when metrics are off', async () => {
    const server = await startApi();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });
});

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { redisTestSkip } from '../redis/redis-test-harness.js';
import { testNamespace } from '../redis/redis-test-support.js';
import { createRunner } from '../runner/hangar-runner.js';
import { closeAll, enqueue, onCleanup, startApi, TOKENS, testPlugin } from './test-fixtures.js';

afterEach(closeAll);

interface EnqueueJson {
  id: string;
  warnings?: Array<{ code: string; text: string; params: Record<string, unknown> }>;
}

describe('jobs for a queue no live runner serves, on Redis', () => {
  let skip: string | undefined;
  beforeAll(async () => {
    skip = await redisTestSkip('queue coverage on Redis');
  });

  it('stores the job with a QUEUE_NOT_SERVED warning, reports the queue in /ready, and stops once a runner serves it', async (ctx) => {
    if (skip) return ctx.skip();
    const ns = testNamespace();
    onCleanup(() => ns.teardown());
    // This API's own runner serves only the default queue.
    const api = await startApi({}, undefined, await ns.create());

    const served = (await (
      await enqueue(api, TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 1 } })
    ).json()) as EnqueueJson;
    expect(served.warnings).toBeUndefined();
    const res = await enqueue(api, TOKENS.acmeOperator, {
      type: 'math.add',
      params: { a: 2, b: 2 },
      options: { queue: 'nightly' },
    });
    expect(res.status).toBe(201);
    const unserved = (await res.json()) as EnqueueJson;
    expect(unserved.warnings).toEqual([
      expect.objectContaining({ code: 'QUEUE_NOT_SERVED', params: { queue: 'nightly', type: 'math.add' } }),
    ]);
    expect(unserved.warnings?.[0]?.text).toContain('No running runner serves queue "nightly"');
    expect((await api.runner.client.get(unserved.id))?.state).toBe('Enqueued');
    expect(await (await fetch(`${api.url}/ready`)).json()).toMatchObject({
      status: 'ready',
      unservedQueues: [{ queue: 'nightly', waiting: 1 }],
    });

    // A second runner, on its own connection as another process would be, serves the queue.
    const other = createRunner({
      queue: await ns.create(),
      plugins: [testPlugin],
      queues: { nightly: 1 },
      pollIntervalMs: 20,
    });
    await other.start();
    onCleanup(() => other.stop(100));
    await other.client.waitFor(unserved.id, { pollMs: 20 });
    expect((await fetch(`${api.url}/ready`).then((r) => r.json())) as unknown).toMatchObject({
      unservedQueues: [],
    });
    const runners = await api.runner.client.queue.listRunners();
    expect(runners.map((r) => JSON.stringify(r.queues)).sort()).toEqual(['{"default":4}', '{"nightly":1}']);
    await vi.waitFor(
      async () => {
        const again = (await (
          await enqueue(api, TOKENS.acmeOperator, {
            type: 'math.add',
            params: { a: 3, b: 3 },
            options: { queue: 'nightly' },
          })
        ).json()) as EnqueueJson;
        expect(again.warnings).toBeUndefined();
      },
      { timeout: 5_000, interval: 250 },
    );

    // A runner that stops withdraws at once.
    await other.stop(100);
    expect((await api.runner.client.queue.listRunners()).map((r) => r.id)).toEqual([api.runner.worker.id]);
  });
});

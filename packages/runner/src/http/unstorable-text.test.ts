import type { QueueAdapter } from '@hangar/core';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryQueue } from '../memory/memory-queue.js';
import { postgresTestScope } from '../postgres/postgres-test-scope.js';
import { createRunner } from '../runner/hangar-runner.js';
import { createHttpServer } from './http-server.js';
import { authedFetch, closeAll, onCleanup, TOKEN_TABLE, TOKENS, testPlugin } from './test-fixtures.js';

afterEach(closeAll);

interface ErrorJson {
  error: { code: string; params: Record<string, unknown>; issues?: Array<{ path: string; code: string }> };
}

/** The API over `queue` on 127.0.0.1; returns a POST /jobs caller and a GET /jobs lister. */
async function serve(queue: QueueAdapter) {
  const runner = createRunner({ queue, plugins: [testPlugin] });
  const app = createHttpServer({ client: runner.client, auth: { tokens: TOKEN_TABLE } });
  onCleanup(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    post: (body: unknown) =>
      authedFetch(`${url}/jobs`, TOKENS.acmeOperator, { method: 'POST', body: JSON.stringify(body) }),
    listed: async () =>
      ((await (await authedFetch(`${url}/jobs`, TOKENS.acmeViewer)).json()) as { items: unknown[] }).items,
  };
}

function refusesUnstorableText(open: () => Promise<QueueAdapter>): void {
  it('answers 400 PARAMS_INVALID naming the params field that holds a NUL or a lone surrogate', async () => {
    const api = await serve(await open());
    for (const [params, path] of [
      [{ name: 'a\u0000b', location: 'out' }, 'name'],
      [{ name: 'report', location: 'x\uD800' }, 'location'],
    ] as const) {
      const res = await api.post({ type: 'test.files', params });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorJson;
      expect(body.error).toMatchObject({ code: 'PARAMS_INVALID', params: { type: 'test.files' } });
      expect(body.error.issues).toMatchObject([{ path, code: 'unstorable_text' }]);
    }
    expect(await api.listed()).toEqual([]);
  });

  it('answers 400 REQUEST_INVALID naming an option that holds a NUL', async () => {
    const api = await serve(await open());
    const res = await api.post({
      type: 'math.add',
      params: { a: 1, b: 2 },
      options: { idempotencyKey: 'k\u0000' },
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorJson;
    expect(error).toMatchObject({ code: 'REQUEST_INVALID' });
    expect(String(error.params.issues)).toMatch(/^idempotencyKey: .*NUL/);
    expect(await api.listed()).toEqual([]);
  });
}

describe('POST /jobs with text no queue can store: memory', () => {
  refusesUnstorableText(async () => {
    const queue = new MemoryQueue();
    onCleanup(() => queue.close());
    return queue;
  });
});

describe('POST /jobs with text no queue can store: PostgreSQL', () => {
  const pg = postgresTestScope();
  refusesUnstorableText(() => pg.open());
});

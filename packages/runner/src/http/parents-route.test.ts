import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, type ErrorJson, enqueue, startApi, TOKENS, waitDone } from './test-fixtures.js';

afterEach(closeAll);

describe('POST /jobs with parents', () => {
  it('runs a job after its parents of the same customer, shows them, and reads another customer’s parent as not found', async () => {
    const api = await startApi();
    const create = async (token: string, body: unknown) => {
      const res = await enqueue(api, token, body);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const a = await create(TOKENS.acmeOperator, { type: 'math.add', params: { a: 1, b: 2 } });
    const b = await create(TOKENS.acmeOperator, { type: 'math.add', params: { a: 3, b: 4 } });
    const [aId, bId] = [a.body.id as string, b.body.id as string];

    const foreign = await create(TOKENS.globexOperator, {
      type: 'math.add',
      params: { a: 0, b: 0 },
      options: { parents: [{ id: aId }] },
    });
    expect(foreign.status).toBe(404);
    expect((foreign.body as unknown as ErrorJson).error).toMatchObject({ code: 'JOB_NOT_FOUND' });
    const globexJobs = await api.call('/jobs', TOKENS.globexOperator);
    expect(((await globexJobs.json()) as { items: unknown[] }).items).toEqual([]);

    const child = await create(TOKENS.acmeOperator, {
      type: 'math.add',
      params: { a: 5, b: 6 },
      options: { parents: [{ id: aId }, { id: bId, on: 'end' }] },
    });
    expect(child.status).toBe(201);
    const parents = [
      { id: aId, on: 'success' },
      { id: bId, on: 'end' },
    ];
    expect(child.body.job).toMatchObject({ parentId: aId, parents });
    const done = await waitDone(api, child.body.id as string);
    expect(done).toMatchObject({ state: 'Succeeded', parents });

    const bad = await create(TOKENS.acmeOperator, {
      type: 'math.add',
      params: { a: 1, b: 1 },
      options: { parents: [{ id: aId, on: 'sometimes' }] },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorJson).error).toMatchObject({
      code: 'REQUEST_INVALID',
      issues: [{ path: 'options.parents.0.on' }],
    });
  });
});

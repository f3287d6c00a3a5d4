import {
  defineJob,
  type JobContext,
  type JobRecord,
  jobSubmitterToken,
  type QueueAdapter,
  type SubmitRequest,
} from '@hangar/core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryQueue } from '../memory/memory-queue.js';
import { postgresTestScope } from '../postgres/postgres-test-scope.js';
import { createRunner, type HangarRunner } from '../runner/hangar-runner.js';

const runners: HangarRunner[] = [];

const leaf = defineJob({
  type: 'submit.leaf',
  params: z.object({ n: z.number().int() }),
  create: () => ({ execute: async (p: { n: number }) => p.n * 2 }),
});

/** What the parent job was asked to do, and what it saw. */
interface Plan {
  requests: SubmitRequest[];
  peek?: string;
  cancel?: string;
}

/** Submits `plan.requests` from inside a running job and returns what the submitter answered. */
const submitting = defineJob({
  type: 'submit.parent',
  params: z.object({ plan: z.string() }),
  create: (services) => ({
    async execute(p: { plan: string }, ctx: JobContext) {
      const plan = JSON.parse(p.plan) as Plan;
      const jobs = services.get(jobSubmitterToken);
      const records = await jobs.submitAll(ctx, plan.requests);
      const peeked = plan.peek === undefined ? undefined : await jobs.get(ctx, plan.peek);
      const cancelled = plan.cancel === undefined ? undefined : await jobs.cancel(ctx, plan.cancel);
      return {
        ids: records.map((r: JobRecord) => r.id),
        tenants: records.map((r: JobRecord) => r.customerId ?? null),
        users: records.map((r: JobRecord) => r.userId ?? null),
        peeked: peeked ? peeked.id : null,
        cancelled: cancelled ?? null,
      };
    },
  }),
});

interface Outcome {
  ids: string[];
  tenants: (string | null)[];
  users: (string | null)[];
  peeked: string | null;
  cancelled: string | null;
}

function outcomeOf(job: JobRecord): Outcome {
  return job.result?.result as Outcome;
}

async function run(
  queue: QueueAdapter,
  plan: Plan,
  tenant: { customerId?: string; userId?: string } = { customerId: 'c1', userId: 'u1' },
): Promise<{ runner: HangarRunner; job: JobRecord }> {
  const runner = createRunner({ queue, jobs: [leaf, submitting], pollIntervalMs: 50 });
  runners.push(runner);
  await runner.start();
  const { id } = await runner.client.enqueue('submit.parent', { plan: JSON.stringify(plan) }, tenant);
  return { runner, job: await runner.client.waitFor(id, { pollMs: 50 }) };
}

function cases(open: () => Promise<QueueAdapter>): void {
  // Registered after the queue's hooks, so the runners stop before their queue closes.
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop(100)));
  });

  it('enqueues under the running job’s tenant and user, with validated params, in order', async () => {
    const queue = await open();
    const { runner, job } = await run(queue, {
      requests: [
        { type: 'submit.leaf', params: { n: 1 }, metadata: { step: 'a' } },
        { type: 'submit.leaf', params: { n: 2 }, idempotencyKey: 'k2' },
      ],
    });
    expect(job.state).toBe('Succeeded');
    const out = outcomeOf(job);
    expect(out.tenants).toEqual(['c1', 'c1']);
    expect(out.users).toEqual(['u1', 'u1']);
    const [a, b] = await Promise.all(out.ids.map((id) => runner.client.waitFor(id, { pollMs: 50 })));
    expect(a?.result?.result).toBe(2);
    expect(a?.metadata).toEqual({ step: 'a' });
    expect(b?.result?.result).toBe(4);
    expect(b?.idempotencyKey).toBe('k2');
  });

  it('refuses bad params naming the type and field, and stores none of the batch', async () => {
    const queue = await open();
    const { runner, job } = await run(queue, {
      requests: [
        { type: 'submit.leaf', params: { n: 1 } },
        { type: 'submit.leaf', params: { n: 'x' } },
      ],
    });
    expect(job.state).toBe('Failed');
    expect(job.errorInfo?.[0]).toMatchObject({ code: 'PARAMS_INVALID' });
    expect(JSON.stringify(job.errorInfo)).toContain('submit.leaf');
    const leaves = await runner.client.list({ types: ['submit.leaf'] });
    expect(leaves.items).toHaveLength(0);
  });

  it('runs a child named by index after its parent and gives one job per idempotency key', async () => {
    const queue = await open();
    const requests: SubmitRequest[] = [
      { type: 'submit.leaf', params: { n: 5 }, idempotencyKey: 'p' },
      { type: 'submit.leaf', params: { n: 6 }, idempotencyKey: 'c', parents: [{ index: 0 }] },
    ];
    const first = await run(queue, { requests });
    const again = await run(queue, { requests });
    const ids = outcomeOf(first.job).ids;
    expect(outcomeOf(again.job).ids).toEqual(ids);
    const child = await first.runner.client.waitFor(ids[1] as string, { pollMs: 50 });
    const parent = await first.runner.client.get(ids[0] as string);
    expect(child.parentId).toBe(ids[0]);
    expect(child.state).toBe('Succeeded');
    expect((child.startedAt as Date).getTime()).toBeGreaterThanOrEqual(Number(parent?.finishedAt?.getTime()));
  });

  it('reads another tenant’s job as absent: get, cancel and a parent by id', async () => {
    const queue = await open();
    const other = await queue.enqueue({
      type: 'submit.leaf',
      params: { n: 1 },
      queue: 'elsewhere',
      maxAttempts: 1,
      customerId: 'c2',
    });
    const seen = await run(queue, { requests: [], peek: other.id, cancel: other.id });
    expect(seen.job.result?.result).toMatchObject({ peeked: null, cancelled: 'not-found' });
    expect((await queue.get(other.id))?.state).toBe('Enqueued');
    const parented = await run(queue, {
      requests: [{ type: 'submit.leaf', params: { n: 1 }, parents: [{ id: other.id }] }],
    });
    expect(parented.job.errorInfo?.[0]).toMatchObject({ code: 'JOB_NOT_FOUND' });
    expect((await queue.list({ customerId: 'c1', types: ['submit.leaf'] })).items).toHaveLength(0);
  });
}

describe('RunnerJobSubmitter on memory', () => {
  cases(async () => new MemoryQueue());
});

describe('RunnerJobSubmitter on PostgreSQL', () => {
  const pg = postgresTestScope();
  cases(() => pg.open());
});

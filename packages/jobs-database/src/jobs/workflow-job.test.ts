import { setTimeout as sleep } from 'node:timers/promises';
import { defineJob, type JobContext, type JobRecord, type QueueAdapter } from '@hangar/core';
import { createClient, createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type WorkflowBackend, workflowBackends } from '../testing/workflow-queues.js';
import type { WorkflowStep } from '../workflow/workflow-declaration.js';
import { WORKFLOW_JOB_TYPE, workflowJob } from './workflow-job.js';

/** Each execution of a step job, by job id, in this process. */
const runs: string[] = [];
/** Step numbers that fail while listed. */
const failing = new Set<number>();

const stepParams = z.object({
  n: z.number().int(),
  sleepMs: z.number().int().min(0).default(0),
  count: z.number().int().optional(),
  customer: z.string().optional(),
});

const stepJob = defineJob({
  type: 'wf.step',
  params: stepParams,
  retry: { maxAttempts: 1 },
  create: () => ({
    async execute(p: z.output<typeof stepParams>, ctx: JobContext) {
      runs.push(ctx.jobId);
      if (p.sleepMs > 0) await sleep(p.sleepMs, undefined, { signal: ctx.signal });
      if (failing.has(p.n)) throw new Error(`step ${p.n} fails`);
      return { n: p.n, count: p.count ?? null, at: Date.now() };
    },
  }),
});

type Decl = Partial<WorkflowStep> & { id: string; n: number; sleepMs?: number; count?: number };

function steps(list: Decl[]): unknown[] {
  return list.map(({ id, n, sleepMs, count, after, when, on }) => ({
    id,
    type: 'wf.step',
    params: { n, ...(sleepMs ? { sleepMs } : {}), ...(count !== undefined ? { count } : {}) },
    ...(after ? { after } : {}),
    ...(when ? { when } : {}),
    ...(on ? { on } : {}),
  }));
}

function timesRun(jobId: string | undefined): number {
  return runs.filter((id) => id === jobId).length;
}

function suite(backend: WorkflowBackend): void {
  describe(`WorkflowJob on ${backend.kind}`, () => {
    let skip: string | undefined;
    let ns: ReturnType<WorkflowBackend['namespace']> | undefined;
    let runner: HangarRunner | undefined;
    let queue: QueueAdapter;

    beforeAll(async () => {
      skip = await backend.skipReason();
      if (skip && process.env.CI === 'true') throw new Error(`${backend.kind} is required in CI: ${skip}`);
      if (skip) console.warn(`Skipping workflow tests on ${backend.kind}: ${skip}`);
    });
    beforeEach(async (test) => {
      if (skip) test.skip();
      ns = backend.namespace();
      queue = await ns.open();
      runner = await createRunner({
        queue,
        jobs: [workflowJob, stepJob],
        concurrency: 6,
        pollIntervalMs: 50,
      }).start();
      runs.length = 0;
      failing.clear();
    });
    afterEach(async () => {
      await runner?.stop(200);
      runner = undefined;
      await ns?.drop();
      ns = undefined;
    });

    async function runWorkflow(declared: unknown[], customerId = 'ALPHA'): Promise<JobRecord> {
      const client = (runner as HangarRunner).client;
      const { id } = await client.enqueue(
        WORKFLOW_JOB_TYPE,
        { name: 'test-flow', steps: declared },
        { customerId },
      );
      return client.waitFor(id, { pollMs: 100 });
    }

    it('fans out and in, skips the branch whose condition is false, and ends with the outputs', async () => {
      const fan = Array.from({ length: 6 }, (_, i) => ({ id: `part-${i}`, n: 10 + i, after: ['start'] }));
      const done = await runWorkflow(
        steps([
          { id: 'start', n: 1, count: 3 },
          ...fan,
          { id: 'join', n: 2, after: fan.map((f) => f.id) },
          { id: 'big', n: 3, after: ['start'], when: { step: 'start', path: 'count', op: 'gt', value: 10 } },
          { id: 'after-big', n: 4, after: ['big'] },
          {
            id: 'small',
            n: 5,
            after: ['start'],
            when: { step: 'start', path: 'count', op: 'lte', value: 10 },
          },
        ]),
      );
      expect(done.state).toBe('Succeeded');
      const result = done.result?.result as {
        skipped: string[];
        outputs: Record<string, { n: number }>;
        jobs: Record<string, string>;
      };
      expect(result.skipped).toEqual(['big', 'after-big']);
      expect(Object.keys(result.outputs).sort()).toEqual(['join', 'small']);
      expect(result.outputs.join?.n).toBe(2);
      const view = await (runner as HangarRunner).client.getWorkflow(done.id, { customerId: 'ALPHA' });
      expect(view).toMatchObject({ name: 'test-flow', state: 'Succeeded', done: 11, total: 11 });
      const states = Object.fromEntries((view?.steps ?? []).map((s) => [s.id, s.state]));
      expect(states).toMatchObject({
        start: 'Succeeded',
        join: 'Succeeded',
        big: 'Skipped',
        'after-big': 'Skipped',
        small: 'Succeeded',
      });
      // Every step that ran ran once, under the workflow's tenant, and the join after every part.
      for (const step of view?.steps ?? [])
        expect(timesRun(step.jobId), step.id).toBe(step.state === 'Skipped' ? 0 : 1);
      const joinAt = (result.outputs.join as unknown as { at: number }).at;
      for (const part of fan) {
        const partJob = await queue.get(result.jobs[part.id] as string);
        expect(partJob?.customerId).toBe('ALPHA');
        expect(partJob?.metadata).toEqual({ workflowId: done.id, workflow: 'test-flow', step: part.id });
        expect(Number(partJob?.finishedAt?.getTime())).toBeLessThanOrEqual(joinAt);
      }
      expect(
        await (runner as HangarRunner).client.getWorkflow(done.id, { customerId: 'BRAVO' }),
      ).toBeUndefined();
    });

    it('fails naming the failed step, and a retry of that step reruns none of the steps that succeeded', async () => {
      failing.add(2);
      const failed = await runWorkflow(
        steps([
          { id: 'a', n: 1 },
          { id: 'b', n: 2, after: ['a'] },
          { id: 'c', n: 3, after: ['b'] },
          { id: 'side', n: 4 },
          { id: 'alert', n: 5, after: ['b'], on: 'failure' },
        ]),
      );
      expect(failed.state).toBe('Failed');
      expect(failed.errorInfo?.[0]).toMatchObject({ code: 'WORKFLOW_FAILED', params: { steps: 'b' } });
      const client = (runner as HangarRunner).client;
      const before = await client.getWorkflow(failed.id);
      expect(Object.fromEntries((before?.steps ?? []).map((s) => [s.id, s.state]))).toEqual({
        a: 'Succeeded',
        b: 'Failed',
        c: 'Skipped',
        side: 'Succeeded',
        alert: 'Succeeded',
      });
      await expect(client.retryWorkflowStep(failed.id, 'a')).rejects.toMatchObject({
        code: 'JOB_STATE_CONFLICT',
      });
      failing.clear();
      await client.retryWorkflowStep(failed.id, 'b', { customerId: 'ALPHA' });
      const done = await client.waitFor(failed.id, { pollMs: 100 });
      expect(done.state).toBe('Succeeded');
      const after = await client.getWorkflow(done.id);
      const byId = new Map((after?.steps ?? []).map((s) => [s.id, s]));
      expect(timesRun(byId.get('a')?.jobId)).toBe(1);
      expect(timesRun(byId.get('side')?.jobId)).toBe(1);
      expect(timesRun(byId.get('b')?.jobId)).toBe(2);
      expect(timesRun(byId.get('c')?.jobId)).toBe(1);
      // The alert ran after b's failure: b succeeding later does not rerun it.
      expect(timesRun(byId.get('alert')?.jobId)).toBe(1);
      expect(after?.done).toBe(5);
    });

    it('cancels its running and waiting steps when the workflow is cancelled', async () => {
      const client = (runner as HangarRunner).client;
      const { id } = await client.enqueue(
        WORKFLOW_JOB_TYPE,
        {
          name: 'test-flow',
          steps: steps([
            { id: 'quick', n: 1 },
            { id: 'slow', n: 2, sleepMs: 60_000, after: ['quick'] },
            { id: 'next', n: 3, after: ['slow'] },
          ]),
        },
        { customerId: 'ALPHA' },
      );
      let view = await client.getWorkflow(id);
      for (let i = 0; i < 200 && view?.steps.find((s) => s.id === 'slow')?.state !== 'Processing'; i++) {
        await sleep(50);
        view = await client.getWorkflow(id);
      }
      expect(view?.current.map((s) => s.id)).toEqual(['slow']);
      await client.cancelWorkflow(id, { customerId: 'ALPHA' });
      const done = await client.waitFor(id, { pollMs: 100 });
      expect(done.state).toBe('Cancelled');
      const slow = await client.waitFor(view?.steps.find((s) => s.id === 'slow')?.jobId as string, {
        pollMs: 100,
      });
      expect(slow.state).toBe('Cancelled');
      const after = await client.getWorkflow(id);
      expect(after?.steps.find((s) => s.id === 'next')?.state).toBe('Skipped');
    });

    it('refuses a step naming another customer before enqueuing any step', async () => {
      const done = await runWorkflow([
        { id: 'mine', type: 'wf.step', params: { n: 1 } },
        { id: 'theirs', type: 'wf.step', params: { n: 2, customer: 'BRAVO' }, after: ['mine'] },
      ]);
      expect(done.state).toBe('Failed');
      expect(done.errorInfo?.[0]).toMatchObject({
        code: 'TENANT_MISMATCH',
        params: { param: 'steps.1.params.customer' },
      });
      expect((await queue.list({ metadata: { workflowId: done.id } })).items).toHaveLength(0);
      expect(runs).toHaveLength(0);
    });

    it('refuses bad step params naming the step, before enqueuing any', async () => {
      const done = await runWorkflow([
        { id: 'ok', type: 'wf.step', params: { n: 1 } },
        { id: 'bad', type: 'wf.step', params: { n: 'x' } },
      ]);
      expect(done.errorInfo?.[0]).toMatchObject({ code: 'PARAMS_INVALID' });
      expect(JSON.stringify(done.errorInfo)).toContain('wf.step');
      expect((await queue.list({ metadata: { workflowId: done.id } })).items).toHaveLength(0);
    });
  });
}

for (const backend of workflowBackends) suite(backend);

describe('workflow declaration', () => {
  const client = createClient({ queue: new MemoryQueue(), jobs: [workflowJob, stepJob] });
  const refused = (declared: unknown[]) => client.enqueue(WORKFLOW_JOB_TYPE, { name: 'x', steps: declared });

  it.each([
    [
      'a duplicate id',
      [
        { id: 'a', type: 'wf.step' },
        { id: 'a', type: 'wf.step' },
      ],
      'step "a" is declared twice',
    ],
    [
      'an unknown parent',
      [{ id: 'a', type: 'wf.step', after: ['nope'] }],
      'step "a" runs after "nope", which is not a step',
    ],
    [
      'a cycle',
      [
        { id: 'a', type: 'wf.step', after: ['c'] },
        { id: 'b', type: 'wf.step', after: ['a'] },
        { id: 'c', type: 'wf.step', after: ['b'] },
      ],
      'cycle',
    ],
    [
      'a condition on a step it does not run after',
      [
        { id: 'a', type: 'wf.step' },
        { id: 'b', type: 'wf.step', when: { step: 'a', path: 'n', op: 'eq', value: 1 } },
      ],
      'list it in after',
    ],
  ])('refuses %s when declared', async (_name, declared, message) => {
    await expect(refused(declared)).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
    await expect(refused(declared)).rejects.toThrow(message);
  });
});

afterAll(() => {
  runs.length = 0;
});

import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { dropSchema, postgresSkipReason, randomSchema, TEST_PG_URL } from '../postgres/test-database.js';
import { deletePrefix, randomPrefix, redisSkipReason, testRedisUrl } from '../redis/redis-test-support.js';
import { diamondGraph, enqueueGraph } from './diamond-graph.js';
import {
  type GraphBackend,
  type GraphBackendConfig,
  graphBackendEnv,
  openGraphBackend,
  type StepEvent,
} from './graph-backend.js';

const RUNNER = fileURLToPath(new URL('./graph-runner-process.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STEP = { type: 'graph.step', queue: 'graph' };

interface RunnerProcess {
  child: ChildProcess;
  exited: Promise<void>;
}

const backends = [
  {
    kind: 'postgres' as const,
    skipReason: postgresSkipReason,
    config: (): GraphBackendConfig => ({ kind: 'postgres', url: TEST_PG_URL, namespace: randomSchema() }),
    drop: (c: GraphBackendConfig) => dropSchema(c.namespace),
  },
  {
    kind: 'redis' as const,
    skipReason: redisSkipReason,
    config: (): GraphBackendConfig => ({ kind: 'redis', url: testRedisUrl(), namespace: randomPrefix() }),
    drop: (c: GraphBackendConfig) => deletePrefix(c.url, c.namespace),
  },
];

/** Starts a runner process on `config` and resolves once it serves the queue. */
async function startRunner(config: GraphBackendConfig, leaseMs: number): Promise<RunnerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNNER], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...graphBackendEnv(config), GRAPH_LEASE_MS: String(leaseMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`runner process exited with ${code} before it was ready`)));
  });
  return { child, exited };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many times each step recorded `event`. */
function countOf(events: readonly StepEvent[], event: StepEvent['event']): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of events) if (e.event === event) counts.set(e.step, (counts.get(e.step) ?? 0) + 1);
  return counts;
}

for (const backend of backends) {
  const skip = await backend.skipReason();
  if (skip && process.env.CI === 'true') throw new Error(`${backend.kind} is required in CI: ${skip}`);
  if (skip) console.warn(`[skipped] graph runs on ${backend.kind}: ${skip}`);

  describe.skipIf(skip !== undefined)(`graphs of jobs with several parents on ${backend.kind}`, () => {
    const runners: RunnerProcess[] = [];
    let config: GraphBackendConfig | undefined;
    let store: GraphBackend | undefined;

    afterEach(async () => {
      for (const r of runners.splice(0)) {
        if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
        await r.exited;
      }
      await store?.close();
      if (config) await backend.drop(config);
      store = undefined;
      config = undefined;
    });

    it('runs each of 1,000 steps of a diamond exactly once, after its parents, under three runner processes', {
      timeout: 180_000,
    }, async () => {
      config = backend.config();
      store = await openGraphBackend(config, true);
      const width = 83;
      const graph = diamondGraph([...Array.from({ length: 12 }, () => width), 2]);
      expect(graph).toHaveLength(1000);
      // past the root's own layer, every step waits on two or more
      expect(graph.filter((s) => s.step > width && s.parents.length < 2)).toEqual([]);
      const queue = store.queue;
      // the graph starts once all three runners serve it: the root waits on a gate the test ends
      const gate = (await queue.enqueue({ type: 'graph.gate', queue: 'gate', params: {}, maxAttempts: 1 }))
        .id;
      const ids = await enqueueGraph(queue, graph, STEP, gate);
      const last = ids[ids.length - 1] as string;
      expect((await queue.get(ids[0] as string))?.state).toBe('Awaiting');
      for (let i = 0; i < 3; i += 1) runners.push(await startRunner(config, 30_000));
      const opener = { id: 'graph-test', host: 'test-host', pid: process.pid };
      await queue.claim({
        worker: opener,
        queues: ['gate'],
        types: ['graph.gate'],
        limit: 1,
        leaseMs: 30_000,
      });
      expect(await queue.complete(gate, opener.id, { success: true })).toBe(true);
      await until(async () => (await queue.get(last))?.state === 'Succeeded', 150_000, 'the last step');
      // the final step's ancestors are not the whole graph (a narrow last layer sees only a few
      // steps of the layers above), so the other steps may still be running: wait for every end
      await until(
        async () => countOf((await store?.events()) ?? [], 'end').size === 1000,
        60_000,
        'every step',
      );

      const events = await store.events();
      const starts = countOf(events, 'start');
      const ends = countOf(events, 'end');
      const twice = [...starts].filter(([, n]) => n !== 1).map(([step]) => step);
      expect(twice).toEqual([]);
      expect(starts.size).toBe(1000);
      expect(ends.size).toBe(1000);
      // a step starts only after every parent recorded its end
      const at = (step: number, event: StepEvent['event']) =>
        events.findIndex((e) => e.step === step && e.event === event);
      const early = graph.filter((s) => s.parents.some((p) => at(p.step, 'end') > at(s.step, 'start')));
      expect(early.map((s) => s.step)).toEqual([]);
      const pids = new Set(events.map((e) => e.pid));
      console.info(`[graph ${backend.kind}] 1000 steps run by ${pids.size} runner processes`);
      const page = await queue.list({ states: ['Succeeded'], limit: 1000 });
      expect(page.items).toHaveLength(1000);
    });

    it('releases children exactly once when the runner holding their last parent is killed -9 and its lease recovered', {
      timeout: 90_000,
    }, async () => {
      config = backend.config();
      store = await openGraphBackend(config, true);
      const queue = store.queue;
      const enqueue = async (
        step: number,
        extra: object,
        parents: Array<{ id: string; on?: 'success' | 'failure' | 'end' }> = [],
      ) => (await queue.enqueue({ ...STEP, params: { step, ...extra }, maxAttempts: 2, parents })).id;
      const first = await enqueue(1, {});
      // held by the killed runner: handed back (one attempt left), then held, failed by recovery
      const retried = await enqueue(2, { hold: true });
      const failed = (await queue.enqueue({ ...STEP, params: { step: 3, hold: true }, maxAttempts: 1 })).id;
      await enqueue(10, {}, [{ id: first }, { id: retried }]);
      await enqueue(11, {}, [
        { id: first, on: 'end' },
        { id: retried, on: 'end' },
      ]);
      await enqueue(12, {}, [{ id: failed, on: 'failure' }, { id: first }]);
      const never = await enqueue(13, {}, [{ id: first }, { id: failed }]);

      const victim = await startRunner(config, 1500);
      runners.push(victim);
      const held = async () => {
        const events = await store?.events();
        const started = countOf(events ?? [], 'start');
        const ready = started.get(2) === 1 && started.get(3) === 1;
        // the first parent completed (not only ran): a kill before its completion would run it again
        return ready && (await queue.get(first))?.state === 'Succeeded';
      };
      await until(held, 30_000, 'the victim to hold both last parents');
      victim.child.kill('SIGKILL');
      await victim.exited;
      expect((await queue.get(retried))?.state).toBe('Processing');
      runners.push(await startRunner(config, 1500));

      await until(
        async () => (await store?.events())?.filter((e) => e.event === 'end' && e.step >= 10).length === 3,
        60_000,
        'the children to run',
      );
      // give a duplicate release the time to show
      await new Promise((resolve) => setTimeout(resolve, 500));
      const events = await store.events();
      const starts = countOf(events, 'start');
      expect(Object.fromEntries(starts)).toEqual({ 1: 1, 2: 2, 3: 1, 10: 1, 11: 1, 12: 1 });
      expect(await queue.get(failed)).toMatchObject({ state: 'Failed' });
      expect(await queue.get(never)).toMatchObject({
        state: 'Cancelled',
        errorInfo: [
          {
            code: 'PARENT_CONDITION_UNMET',
            params: { parentId: failed, state: 'Failed', condition: 'success' },
          },
        ],
      });
    });
  });
}

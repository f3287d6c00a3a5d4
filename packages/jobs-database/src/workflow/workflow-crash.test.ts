import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { JobRecord } from '@hangar/core';
import { createClient, type HangarClient } from '@hangar/runner';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WORKFLOW_JOB_TYPE, workflowJob } from '../jobs/workflow-job.js';
import { WORKFLOW_PG_URL, WORKFLOW_REDIS_URL, workflowBackends } from '../testing/workflow-queues.js';

const RUNNER = fileURLToPath(new URL('./workflow-crash-runner.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PARTS = 30;

interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
  readonly stderr: string[];
}

async function sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: WORKFLOW_PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

// The proof: real runner processes, a real SIGKILL of the one running the workflow job
// while its steps run; no step is lost, and the only steps run twice are those that were running
// in the killed process.
for (const backend of workflowBackends.filter((b) => b.kind !== 'memory')) {
  describe(`WorkflowJob when its runner is killed -9, on ${backend.kind}`, () => {
    let skip: string | undefined;
    const children: Child[] = [];
    let drop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const pgReason = await workflowBackends.find((b) => b.kind === 'postgres')?.skipReason();
      skip = pgReason ?? (await backend.skipReason());
      if (skip && process.env.CI === 'true') throw new Error(`${backend.kind} is required in CI: ${skip}`);
      if (skip) console.warn(`Skipping the workflow crash test on ${backend.kind}: ${skip}`);
    });
    afterEach(async () => {
      for (const c of children)
        if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
      await Promise.all(children.map((c) => c.exited));
      await drop?.();
    });

    it('loses no step and reruns only the steps the killed process was running', {
      timeout: 90_000,
    }, async (test) => {
      if (skip) test.skip();
      const ns = backend.namespace();
      const runsSchema = `wf_runs_${ns.name.replace(/[^a-z0-9]/g, '_')}`;
      const runsTable = `"${runsSchema}".step_run`;
      await sql(`CREATE SCHEMA "${runsSchema}"`);
      await sql(`CREATE TABLE ${runsTable} (job_id text NOT NULL, pid integer NOT NULL)`);
      const queue = await ns.open();
      drop = async () => {
        await ns.drop();
        await sql(`DROP SCHEMA IF EXISTS "${runsSchema}" CASCADE`);
      };
      const client: HangarClient = createClient({ queue, jobs: [workflowJob] });

      const start = async (): Promise<Child> => {
        const child = spawn(process.execPath, ['--import', 'tsx', RUNNER], {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            WF_BACKEND: backend.kind,
            WF_PG_URL: WORKFLOW_PG_URL,
            WF_REDIS_URL: WORKFLOW_REDIS_URL,
            WF_NAMESPACE: ns.name,
            WF_RUNS_TABLE: runsTable,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const stderr: string[] = [];
        child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        const entry = { process: child, exited, stderr };
        children.push(entry);
        await new Promise<void>((resolve, reject) => {
          child.stdout?.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('ready')) resolve();
          });
          void exited.then(() => reject(new Error(`runner exited before it was ready: ${stderr.join('')}`)));
        });
        return entry;
      };
      const [first, second] = [await start(), await start()];

      const parts = Array.from({ length: PARTS }, (_, i) => `part-${i}`);
      const { id } = await client.enqueue(
        WORKFLOW_JOB_TYPE,
        {
          name: 'crash-flow',
          steps: [
            { id: 'first', type: 'wfcrash.step', params: { n: 0, sleepMs: 50 } },
            ...parts.map((step, i) => ({
              id: step,
              type: 'wfcrash.step',
              params: { n: i + 1, sleepMs: 400 },
              after: ['first'],
            })),
            { id: 'last', type: 'wfcrash.step', params: { n: PARTS + 1, sleepMs: 50 }, after: parts },
          ],
        },
        { customerId: 'ALPHA' },
      );
      // Kill the process holding the workflow job once some of the parts ran and others run.
      let holder: JobRecord | undefined;
      for (let i = 0; i < 400; i++) {
        const [{ n } = { n: 0 }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${runsTable}`);
        holder = await client.get(id);
        if (n >= 6 && holder?.state === 'Processing') break;
        await sleep(50);
      }
      const victim = [first, second].find((c) => c.process.pid === holder?.worker?.pid);
      expect(victim, 'the workflow job runs in one of the runner processes').toBeDefined();
      victim?.process.kill('SIGKILL');
      await victim?.exited;
      const killedPid = victim?.process.pid as number;
      const heldWhenKilled = new Set(
        (
          await client.list({ customerId: 'ALPHA', states: ['Processing'], metadata: { workflowId: id } })
        ).items
          .filter((j) => j.worker?.pid === killedPid)
          .map((j) => j.id),
      );
      await start();

      const done = await client.waitFor(id, { pollMs: 200 });
      expect(done.state, JSON.stringify(done.errorInfo)).toBe('Succeeded');
      expect(done.attempts).toBeGreaterThanOrEqual(2);
      const view = await client.getWorkflow(id, { customerId: 'ALPHA' });
      expect(view?.steps.map((s) => s.state)).toEqual(new Array(PARTS + 2).fill('Succeeded'));
      // One job per step: the rerun of the workflow job found the steps already submitted.
      const stepJobs = await client.list({ customerId: 'ALPHA', metadata: { workflowId: id }, limit: 1000 });
      expect(stepJobs.items).toHaveLength(PARTS + 2);
      const rows = await sql<{ job_id: string; pid: number }>(`SELECT job_id, pid FROM ${runsTable}`);
      for (const step of view?.steps ?? []) {
        const ranIn = rows.filter((r) => r.job_id === step.jobId);
        expect(ranIn.length, `step ${step.id}`).toBeGreaterThanOrEqual(1);
        if (ranIn.length > 1) {
          expect(
            heldWhenKilled.has(step.jobId as string),
            `step ${step.id} ran again though the killed process did not hold it`,
          ).toBe(true);
          expect(ranIn.length).toBe(2);
          expect(ranIn.some((r) => r.pid === killedPid)).toBe(true);
        }
      }
    });
  });
}

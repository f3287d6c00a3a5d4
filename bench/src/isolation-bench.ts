import { createRunner, MemoryQueue } from '@hangar/runner';
import isolationJobs, { inlineNoop, isolatedNoop } from './isolation-jobs.mjs';

/** Time per job of one job type, run to the end on a memory queue. */
export interface IsolationRow {
  /** Job type measured. */
  type: string;
  /** Jobs run. */
  jobs: number;
  /** Concurrency of the runner. */
  concurrency: number;
  /** Wall time per job, ms. */
  msPerJob: number;
  /** CPU time per job of the whole process (every thread), ms: steadier than wall time on a busy machine. */
  cpuMsPerJob: number;
}

async function timeJobs(
  definition: typeof inlineNoop | typeof isolatedNoop,
  jobs: number,
  concurrency: number,
): Promise<IsolationRow> {
  const runner = await createRunner({
    queue: new MemoryQueue(),
    plugins: [isolationJobs],
    concurrency,
  }).start();
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const ids = await runner.client.enqueueMany(
      Array.from({ length: jobs }, (_, n) => ({ type: definition.type, params: { n } })),
    );
    for (const { id } of ids) {
      const job = await runner.client.waitFor(id, { pollMs: 50 });
      if (job.state !== 'Succeeded') throw new Error(`${definition.type} ended ${job.state}`);
    }
    const used = process.cpuUsage(cpu);
    return {
      type: definition.type,
      jobs,
      concurrency,
      msPerJob: (performance.now() - started) / jobs,
      cpuMsPerJob: (used.user + used.system) / 1000 / jobs,
    };
  } finally {
    await runner.stop();
  }
}

/**
 * What isolation costs per job: the same no-op job inline and in a worker thread of its own (one
 * thread per attempt: start the thread, import the job's module, run, terminate), one at a time
 * and at concurrency 4.
 */
export async function benchIsolation(jobs: number): Promise<IsolationRow[]> {
  const rows: IsolationRow[] = [];
  for (const concurrency of [1, 4]) {
    rows.push(await timeJobs(inlineNoop, jobs, concurrency));
    rows.push(await timeJobs(isolatedNoop, jobs, concurrency));
  }
  return rows;
}

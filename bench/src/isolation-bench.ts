import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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

/**
 * What isolation costs per job: the same no-op job inline and in a worker thread of its own (one
 * thread per attempt: start the thread, import the job's module, run, terminate), one at a time
 * and at concurrency 4, measured in a plain `node` process (see isolation-run.mjs).
 */
export async function benchIsolation(jobs: number): Promise<IsolationRow[]> {
  const script = fileURLToPath(new URL('./isolation-run.mjs', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script, String(jobs)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as IsolationRow[];
}

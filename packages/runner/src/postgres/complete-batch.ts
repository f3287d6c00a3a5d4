import type pg from 'pg';
import { rerunOnDeadlock } from './sql-client.js';

/** One completion as the batch statement takes it: job id (bigint text), worker that must hold it, JSON result. */
export interface Completion {
  /** Job id, as `parseJobId` returns it (digits only). */
  id: string;
  /** Worker that must still hold the job. */
  workerId: string;
  /** The `JobResult` as JSON text. */
  result: string;
}

/**
 * Sends a batch of completions as `completeMany` statements (`job-sql.ts`), one per worker of
 * the batch — a queue usually serves one runner, so one statement — and says for each whether
 * its job was completed. The ids travel as one bigint array literal and the results as one JSON
 * array, so nothing is escaped element by element.
 */
export async function completeBatch(
  pool: pg.Pool,
  statementName: string,
  text: string,
  batch: readonly Completion[],
): Promise<boolean[]> {
  const byWorker = new Map<string, Completion[]>();
  for (const c of batch) {
    const group = byWorker.get(c.workerId);
    if (group) group.push(c);
    else byWorker.set(c.workerId, [c]);
  }
  const done = new Set<string>();
  await Promise.all(
    [...byWorker].map(async ([workerId, group]) => {
      const ids = `{${group.map((c) => c.id).join(',')}}`;
      const results = `[${group.map((c) => c.result).join(',')}]`;
      const { rows } = await rerunOnDeadlock(() =>
        pool.query<{ id: string }>({ name: statementName, text, values: [ids, workerId, results] }),
      );
      for (const row of rows) done.add(row.id);
    }),
  );
  return batch.map((c) => done.has(c.id));
}

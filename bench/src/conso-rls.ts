import { type ConsoDb, consoDbToken } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import { createConsoJobsPlugin, INTEGRATION_JOB_TYPE, STEP_FLAGS } from '@hangar/jobs-database';
import { createRunner, MemoryQueue } from '@hangar/runner';

/** Runs every step of the conso as a job of `tenant` on its own runner over `consoDb`; rows written. */
export async function runAllStepsAsTenant(
  consoDb: ConsoDb,
  tenant: string,
  consoId: number,
): Promise<number> {
  const queue = new MemoryQueue();
  const runner = createRunner({
    queue,
    plugins: [createConsoJobsPlugin({ lockWaitMs: 0 })],
    services: [{ token: consoDbToken, value: consoDb }],
    concurrency: 1,
    pollIntervalMs: 20,
    leaseMs: 600_000,
  });
  await runner.start();
  try {
    const { id } = await runner.client.enqueue(
      INTEGRATION_JOB_TYPE,
      { consos: [consoId], steps: STEP_FLAGS.all },
      { customerId: tenant },
    );
    const record = await runner.client.waitFor(id, { pollMs: 50 });
    if (record.state !== JobState.Succeeded) {
      throw new Error(`${INTEGRATION_JOB_TYPE} ended ${record.state}: ${JSON.stringify(record.errorInfo)}`);
    }
    const consos = (record.result?.result as { consos?: { steps?: Record<string, { written?: number }> }[] })
      ?.consos;
    return (consos ?? [])
      .flatMap((c) => Object.values(c.steps ?? {}))
      .reduce((n, s) => n + (s.written ?? 0), 0);
  } finally {
    await runner.stop();
    await queue.close();
  }
}

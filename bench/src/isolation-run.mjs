// Times the same no-op job inline and isolated, and prints the rows as JSON. Plain JavaScript run
// by plain `node` (not under tsx, as the rest of the bench is): a worker thread inherits its
// parent's loader flags, and a TypeScript loader in every thread would be measured as part of
// isolation, which a production process does not pay.
import { createRunner, MemoryQueue } from '@hangar/runner';
import isolationJobs, { inlineNoop, isolatedNoop } from './isolation-jobs.mjs';

async function timeJobs(definition, jobs, concurrency) {
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

const jobs = Number(process.argv[2] ?? 200);
const rows = [];
// The first attempt of a module on a runner starts its thread: five fresh runners of one job each.
const cold = [];
for (let i = 0; i < 5; i++) cold.push(await timeJobs(isolatedNoop, 1, 1));
rows.push({
  type: `${isolatedNoop.type} (first attempt: new thread)`,
  jobs: cold.length,
  concurrency: 1,
  msPerJob: cold.reduce((sum, r) => sum + r.msPerJob, 0) / cold.length,
  cpuMsPerJob: cold.reduce((sum, r) => sum + r.cpuMsPerJob, 0) / cold.length,
});
for (const concurrency of [1, 4]) {
  rows.push(await timeJobs(inlineNoop, jobs, concurrency));
  rows.push(await timeJobs(isolatedNoop, jobs, concurrency));
}
console.log(JSON.stringify(rows));

import { MemoryQueue, MemoryStore } from '@hangar/runner';
import { PostgresQueue } from '@hangar/runner/postgres';
import { RedisQueue } from '@hangar/runner/redis';
import { benchCleanup } from './cleanup-bench.js';
import { benchConsolidation } from './conso-bench.js';
import { benchHangar } from './hangar-bench.js';
import { benchImport } from './import-bench.js';
import { benchIsolation } from './isolation-bench.js';
import { benchLifecycle } from './lifecycle-bench.js';
import { benchOtherJobs } from './other-bench.js';
import { benchGraphileWorker, benchPgBoss, dropSchema } from './postgres-peers.js';
import { benchBeeQueue, benchBullmq, flushPrefix } from './redis-peers.js';
import { printTable } from './report.js';
import { benchTriggers, type TriggerBenchRow } from './trigger-bench.js';

// `npm run bench [-- memory redis postgres]`: runs the named suites (all by default); each suite
// measures Hangar and its peers in the same run, on this machine, with the same sizes.
const wanted = new Set(process.argv.slice(2));
const run = (name: string) => wanted.size === 0 || wanted.has(name);
const jobs = Number(process.env.BENCH_JOBS ?? 20_000);
const sizes = {
  jobs,
  latencySamples: Number(process.env.BENCH_LATENCY_SAMPLES ?? 500),
  latencyWarmup: Number(process.env.BENCH_LATENCY_WARMUP ?? 3000),
  latencyGapMs: Number(process.env.BENCH_LATENCY_GAP_MS ?? 0),
  concurrency: 16,
};
const pgUrl = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.HANGAR_REDIS_URL ?? 'redis://127.0.0.1:6379';

console.log(
  `# Hangar benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${jobs} no-op jobs, concurrency 16, ${sizes.latencySamples} latency samples ${sizes.latencyGapMs} ms apart after ${sizes.latencyWarmup} unmeasured ones`,
);

if (run('memory')) {
  printTable('Embedded memory queue', [
    await benchHangar('Hangar memory', async () => new MemoryQueue(), sizes),
  ]);
}

if (run('redis')) {
  const prefix = 'bench-hangar';
  await flushPrefix(redisUrl, prefix);
  const hangar = await benchHangar(
    'Hangar Redis (leases, heartbeats, cancellation on)',
    async () => new RedisQueue({ connection: redisUrl, prefix }),
    sizes,
  );
  await flushPrefix(redisUrl, prefix);
  printTable('Redis', [hangar, await benchBullmq(redisUrl, sizes), await benchBeeQueue(redisUrl, sizes)]);
}

if (run('postgres')) {
  const schema = 'bench_hangar';
  await dropSchema(pgUrl, schema);
  const hangar = await benchHangar(
    'Hangar Postgres (leases, heartbeats, cancellation on)',
    async () => {
      const queue = new PostgresQueue({ connectionString: pgUrl, schema });
      await queue.migrate();
      return queue;
    },
    sizes,
  );
  await dropSchema(pgUrl, schema);
  printTable('PostgreSQL', [
    hangar,
    await benchGraphileWorker(pgUrl, sizes),
    await benchPgBoss(pgUrl, sizes),
  ]);
}

if (run('isolation')) {
  const rows = await benchIsolation(Number(process.env.BENCH_ISOLATION_JOBS ?? 200));
  console.log('\n## Isolated jobs (a worker thread per attempt) against inline, no-op jobs, memory queue\n');
  console.log(
    '| job | jobs | concurrency | wall ms per job | CPU ms per job | isolation cost per job: wall ms, CPU ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const inline = rows.find((i) => i.concurrency === r.concurrency && i.type === 'bench.noop-inline');
    const cost =
      r.type === 'bench.noop-inline' || !inline
        ? '—'
        : `${(r.msPerJob - inline.msPerJob).toFixed(1)}, ${(r.cpuMsPerJob - inline.cpuMsPerJob).toFixed(1)}`;
    console.log(
      `| ${r.type} | ${r.jobs} | ${r.concurrency} | ${r.msPerJob.toFixed(2)} | ${r.cpuMsPerJob.toFixed(2)} | ${cost} |`,
    );
  }
}

if (run('import')) {
  const r = await benchImport();
  console.log('\n## Import of a data CSV into PostgreSQL\n');
  console.log(
    '| rows | file MiB | psql \\copy (floor) s | \\copy into `bundles` s | ImportDataJob s | ratio to floor | `bundles` ratio to floor | peak RSS MiB (baseline) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(
    `| ${r.rows} | ${(r.fileBytes / 1048576).toFixed(1)} | ${(r.copyFloorMs / 1000).toFixed(2)} | ${(r.targetFloorMs / 1000).toFixed(2)} | ${(r.importMs / 1000).toFixed(2)} | ${r.ratioToFloor.toFixed(2)}× | ${r.targetRatioToFloor.toFixed(2)}× | ${r.peakRssMiB.toFixed(0)} (${r.baselineRssMiB.toFixed(0)}) |`,
  );
  const phases = Object.entries(r.phasesMs).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`);
  console.log(`\nImport phases (${r.paths.join(' → ')}): ${phases.join(', ')}`);
}

if (run('conso')) {
  console.log('\n## Consolidation of a generated group on PostgreSQL\n');
  await benchConsolidation();
}

if (run('utils')) {
  const finished = Number(process.env.BENCH_CLEANUP_JOBS ?? 100_000);
  const r = await benchCleanup(pgUrl, finished, sizes);
  const ms = (n: number) => n.toFixed(3);
  console.log(`\n## utils.cleanup on PostgreSQL: ${finished} finished jobs deleted while no-op jobs run\n`);
  console.log('| stream | samples | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| idle (before the cleanup) | ${r.idle.samples} | ${ms(r.idle.p50)} | ${ms(r.idle.p95)} | ${ms(r.idle.p99)} |`,
  );
  console.log(
    `| during the cleanup | ${r.during.samples} | ${ms(r.during.p50)} | ${ms(r.during.p95)} | ${ms(r.during.p99)} |`,
  );
  console.log(
    `\nDeleted ${r.deleted} jobs in ${(r.cleanupMs / 1000).toFixed(2)} s; p99 during ÷ idle: ${(r.during.p99 / r.idle.p99).toFixed(2)}× (target ≤ 2×).`,
  );
}

if (run('other')) {
  console.log('\n## Other jobs: e-mail against nodemailer alone, validation report against bare SQL\n');
  await benchOtherJobs();
}

if (run('lifecycle')) await benchLifecycle();

if (run('triggers')) {
  const triggerSizes = {
    samples: Number(process.env.BENCH_TRIGGER_SAMPLES ?? 200),
    warmup: Number(process.env.BENCH_TRIGGER_WARMUP ?? 20),
    sweepSamples: Number(process.env.BENCH_TRIGGER_SWEEP_SAMPLES ?? 10),
  };
  const rows: TriggerBenchRow[] = [];
  const store = new MemoryStore();
  rows.push(...(await benchTriggers('Hangar memory', async () => new MemoryQueue({ store }), triggerSizes)));
  const prefix = 'bench-hangar-triggers';
  await flushPrefix(redisUrl, prefix);
  rows.push(
    ...(await benchTriggers(
      'Hangar Redis',
      async () => new RedisQueue({ connection: redisUrl, prefix }),
      triggerSizes,
    )),
  );
  await flushPrefix(redisUrl, prefix);
  const schema = 'bench_hangar_triggers';
  await dropSchema(pgUrl, schema);
  rows.push(
    ...(await benchTriggers(
      'Hangar Postgres',
      async () => {
        const queue = new PostgresQueue({ connectionString: pgUrl, schema });
        await queue.migrate();
        return queue;
      },
      triggerSizes,
    )),
  );
  await dropSchema(pgUrl, schema);
  console.log("\n## Event triggers: from a parent job's end to the start of the job its trigger enqueued\n");
  console.log('| system | how the parent ended | samples | p50 ms | p99 ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.system} | ${r.path} | ${r.samples} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`);
  }
}

// Peer libraries can keep sockets or timers alive after close; the numbers are printed, so exit.
process.exit(0);

import { writeFileSync } from 'node:fs';
import { MemoryQueue, MemoryStore } from '@hangar/runner';
import { PostgresQueue } from '@hangar/runner/postgres';
import { RedisQueue } from '@hangar/runner/redis';
import { benchCleanup } from './cleanup-bench.js';
import { benchConsolidation } from './conso-bench.js';
import { benchDashboard } from './dashboard-bench.js';
import { benchHangar, processingWindows } from './hangar-bench.js';
import { benchImport } from './import-bench.js';
import { benchIsolation } from './isolation-bench.js';
import { benchLifecycle } from './lifecycle-bench.js';
import { benchOtherJobs } from './other-bench.js';
import { benchGraphileWorker, benchPgBoss, dropSchema } from './postgres-peers.js';
import { benchStorageVariants } from './postgres-storage-bench.js';
import { benchBeeQueue, benchBullmq, flushPrefix } from './redis-peers.js';
import { interleavedRounds, printTable } from './report.js';
import { benchTriggers, type TriggerBenchRow } from './trigger-bench.js';
import { benchWorkflows, printWorkflowRows } from './workflows-bench.js';

// `npm run bench [-- memory redis postgres]`: runs the named suites (all by default); each suite
// measures Hangar and its peers in the same run, on this machine, with the same sizes.
const wanted = new Set(process.argv.slice(2));
const run = (name: string) => wanted.size === 0 || wanted.has(name);
const jobs = Number(process.env.BENCH_JOBS ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const sizes = {
  jobs,
  latencySamples: Number(process.env.BENCH_LATENCY_SAMPLES ?? 500),
  latencyWarmup: Number(process.env.BENCH_LATENCY_WARMUP ?? 3000),
  latencyGapMs: Number(process.env.BENCH_LATENCY_GAP_MS ?? 5),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
};
const pgUrl = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.HANGAR_REDIS_URL ?? 'redis://127.0.0.1:6379';
const hangarSettings = (extra: string) =>
  `concurrency ${sizes.concurrency}, one process${extra}; done at \`job:succeeded\` (after the adapter confirmed the completion)`;

console.log(
  `# Hangar benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${jobs} no-op jobs, concurrency ${sizes.concurrency}, medians of ${rounds} interleaved rounds; latency: ${sizes.latencySamples} samples back to back after ${sizes.latencyWarmup} unmeasured ones, then ${sizes.latencySamples} with the worker idle, ${sizes.latencyGapMs} ms apart`,
);

if (run('memory')) {
  const rows = await interleavedRounds(
    [() => benchHangar('Hangar memory', hangarSettings(''), async () => new MemoryQueue(), sizes)],
    rounds,
  );
  printTable('Embedded memory queue', rows, rounds);
}

if (run('redis')) {
  const prefix = 'bench-hangar';
  const hangar = async () => {
    await flushPrefix(redisUrl, prefix);
    const row = await benchHangar(
      'Hangar Redis',
      hangarSettings(', leases, heartbeats and cross-process cancellation on, completions batched'),
      async () => new RedisQueue({ connection: redisUrl, prefix }),
      sizes,
      'redis-server',
    );
    await flushPrefix(redisUrl, prefix);
    return row;
  };
  const rows = await interleavedRounds(
    [hangar, () => benchBullmq(redisUrl, sizes), () => benchBeeQueue(redisUrl, sizes)],
    rounds,
  );
  printTable('Redis', rows, rounds);
}

if (run('postgres')) {
  const schema = 'bench_hangar';
  const hangar = async () => {
    await dropSchema(pgUrl, schema);
    const row = await benchHangar(
      'Hangar PostgreSQL',
      hangarSettings(', leases, heartbeats and cancellation on, completions batched'),
      async () => {
        const queue = new PostgresQueue({ connectionString: pgUrl, schema });
        await queue.migrate();
        return queue;
      },
      sizes,
      'postgres',
    );
    await dropSchema(pgUrl, schema);
    return row;
  };
  const rows = await interleavedRounds(
    [hangar, () => benchGraphileWorker(pgUrl, sizes), () => benchPgBoss(pgUrl, sizes)],
    rounds,
  );
  printTable('PostgreSQL', rows, rounds);
}

if (run('pg-storage')) {
  const storageJobs = Number(process.env.BENCH_STORAGE_JOBS ?? 50_000);
  const rows = await benchStorageVariants(pgUrl, storageJobs, rounds);
  console.log(
    `\n## PostgreSQL storage layouts: server CPU per no-op job (${storageJobs} jobs, claims of 256 then their completion, one connection, medians of ${rounds} interleaved rounds)\n`,
  );
  console.log(
    '| layout | claim: wall / backend CPU µs per job | completion: wall / backend CPU µs per job | backend CPU ÷ current | WAL bytes per job | what changes |',
  );
  console.log('|---|---:|---:|---:|---:|---|');
  const current = rows[0];
  for (const r of rows) {
    const cpu = r.claimCpuUs + r.completeCpuUs;
    const ratio = current ? cpu / (current.claimCpuUs + current.completeCpuUs) : Number.NaN;
    console.log(
      `| ${r.variant.name} | ${r.claimWallUs.toFixed(1)} / ${r.claimCpuUs.toFixed(1)} | ${r.completeWallUs.toFixed(1)} / ${r.completeCpuUs.toFixed(1)} | ${ratio.toFixed(2)}× | ${r.walBytes.toFixed(0)} | ${r.variant.what} |`,
    );
  }
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
  const finished = Number(process.env.BENCH_CLEANUP_JOBS ?? 1_000_000);
  // its idle baseline has always been sampled back to back
  const r = await benchCleanup(pgUrl, finished, { ...sizes, latencyGapMs: 0 });
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
    `\nFilled in ${(r.fillMs / 1000).toFixed(2)} s. Deleted ${r.deleted} jobs in ${(r.cleanupMs / 1000).toFixed(2)} s; p99 during ÷ idle: ${(r.during.p99 / r.idle.p99).toFixed(2)}× (target ≤ 2×).`,
  );
}

if (run('other')) {
  console.log('\n## Other jobs: e-mail against nodemailer alone, validation report against bare SQL\n');
  await benchOtherJobs();
}

if (run('lifecycle')) await benchLifecycle();

if (run('dashboard')) {
  const r = await benchDashboard(pgUrl, {
    jobs: Number(process.env.BENCH_DASHBOARD_JOBS ?? 200_000),
    samples: Number(process.env.BENCH_DASHBOARD_SAMPLES ?? 100),
    deepPages: Number(process.env.BENCH_DASHBOARD_DEEP_PAGES ?? 200),
  });
  const ms = (n: number) => n.toFixed(2);
  console.log(
    `\n## Dashboard requests on PostgreSQL: ${r.jobs.toLocaleString('en-US')} finished jobs (filled in ${(r.fillMs / 1000).toFixed(1)} s; ${Math.round(r.allVisible * 100)} % of its pages all-visible), one customer of 20, through the HTTP API\n`,
  );
  console.log('| request | path | items | p50 ms | p95 ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const row of r.rows) {
    console.log(`| ${row.scenario} | \`${row.request}\` | ${row.items} | ${ms(row.p50)} | ${ms(row.p95)} |`);
  }
  const worst = Math.max(...r.rows.filter((row) => row.request.startsWith('/jobs')).map((row) => row.p95));
  console.log(`\nSlowest list request p95: ${ms(worst)} ms (target < 50 ms).`);
}

const windowsFile = process.env.BENCH_PROFILE_WINDOWS;
if (windowsFile) writeFileSync(windowsFile, JSON.stringify(processingWindows));

if (run('workflows')) {
  const steps = Number(process.env.BENCH_WORKFLOW_STEPS ?? 10_000);
  const schema = (part: string) => `bench_wf_${part}`;
  const prefix = (part: string) => `bench-wf-${part}`;
  for (const part of ['independent', 'workflow']) {
    await dropSchema(pgUrl, schema(part));
    await flushPrefix(redisUrl, prefix(part));
  }
  const rows = [
    await benchWorkflows(
      'PostgreSQL',
      async (part) => {
        const queue = new PostgresQueue({ connectionString: pgUrl, schema: schema(part) });
        await queue.migrate();
        return queue;
      },
      steps,
      sizes.concurrency,
    ),
    await benchWorkflows(
      'Redis',
      async (part) => new RedisQueue({ connection: redisUrl, prefix: prefix(part) }),
      steps,
      sizes.concurrency,
    ),
  ];
  for (const part of ['independent', 'workflow']) {
    await dropSchema(pgUrl, schema(part));
    await flushPrefix(redisUrl, prefix(part));
  }
  printWorkflowRows(rows);
}

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

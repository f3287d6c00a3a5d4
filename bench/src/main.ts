import { MemoryQueue } from '@hangar/runner';
import { benchHangar } from './hangar-bench.js';
import { printTable } from './report.js';

// `npm run bench [-- memory redis postgres conso import]`: runs the named suites (all by default);
// each suite measures Hangar and its peers in the same run, on this machine.
const wanted = new Set(process.argv.slice(2));
const run = (name: string) => wanted.size === 0 || wanted.has(name);
const jobs = Number(process.env.BENCH_JOBS ?? 20_000);
const sizes = { jobs, latencySamples: Number(process.env.BENCH_LATENCY_SAMPLES ?? 1000), concurrency: 16 };

console.log(`# Hangar benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${jobs} no-op jobs`);
if (run('memory')) {
  printTable('Embedded memory queue', [await benchHangar('hangar memory', async () => new MemoryQueue(), sizes)]);
}

import type { CpuPerJob } from './cpu-split.js';
/** Enqueue-to-start latency percentiles, ms. */
export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** One measured row of a benchmark table. */
export interface BenchRow {
  /** What system was measured, e.g. `Hangar memory`. */
  system: string;
  /** How it was configured, printed beside its row. */
  settings: string;
  /** Jobs per second of bulk enqueue. */
  enqueuePerSec?: number;
  /** Jobs per second processed (no-op jobs), until the store confirmed every completion. */
  processPerSec?: number;
  /** Latency samples sent one after another (the worker may still be recording the last job). */
  busy?: LatencyPercentiles;
  /** Latency samples sent with the worker idle (`BENCH_LATENCY_GAP_MS` apart). */
  idle?: LatencyPercentiles;
  /** CPU µs per processed job: this process's and the store server's (see `cpu-split.ts`). */
  cpu?: CpuPerJob;
  /** A caveat printed beside its ratio, e.g. that its polling interval bounds it. */
  note?: string;
}

/** Percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

const median = (values: readonly (number | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  return known.length === 0 ? undefined : percentile(known, 50);
};

/** The median of each numeric field over the rounds that measured it. */
function medianFields<T extends object>(
  all: readonly (T | undefined)[],
  keys: readonly (keyof T)[],
): T | undefined {
  const known = all.filter((x): x is T => x !== undefined);
  if (known.length === 0) return undefined;
  const result = {} as T;
  for (const key of keys) {
    (result[key] as number) = median(known.map((x) => x[key] as number)) ?? Number.NaN;
  }
  return result;
}

/** One row of the medians of each measure over the rounds of one system (the lower median of an even count). */
export function medianRow(rounds: readonly BenchRow[]): BenchRow {
  const first = rounds[0];
  if (!first) throw new Error('no round was measured');
  return {
    system: first.system,
    settings: first.settings,
    note: first.note,
    enqueuePerSec: median(rounds.map((r) => r.enqueuePerSec)),
    processPerSec: median(rounds.map((r) => r.processPerSec)),
    busy: medianFields(
      rounds.map((r) => r.busy),
      ['p50', 'p95', 'p99'],
    ),
    idle: medianFields(
      rounds.map((r) => r.idle),
      ['p50', 'p95', 'p99'],
    ),
    cpu: medianFields(
      rounds.map((r) => r.cpu),
      ['clientUs', 'serverUs'],
    ),
  };
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n)
    ? '—'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const pair = (l: LatencyPercentiles | undefined) => `${fmt(l?.p50, 3)} / ${fmt(l?.p99, 3)}`;

/** Prints a table, with ratios against the first row of the group (the Hangar row). */
export function printTable(title: string, rows: readonly BenchRow[], rounds: number): void {
  const base = rows[0];
  console.log(`\n## ${title} (medians of ${rounds} interleaved rounds)\n`);
  console.log(
    "| system | bulk enqueue jobs/s | processing jobs/s | Hangar's processing ÷ this system's | latency back to back p50 / p99 ms | latency idle p50 / p99 ms | CPU µs per job: this process / server | settings |",
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const ratio = base?.processPerSec && r.processPerSec ? base.processPerSec / r.processPerSec : undefined;
    const shown = r === base ? '—' : `${fmt(ratio, 2)}×${r.note ? ` (${r.note})` : ''}`;
    console.log(
      `| ${r.system} | ${fmt(r.enqueuePerSec)} | ${fmt(r.processPerSec)} | ${shown} | ${pair(r.busy)} | ${pair(r.idle)} | ${fmt(r.cpu?.clientUs, 1)} / ${fmt(r.cpu?.serverUs, 1)} | ${r.settings} |`,
    );
  }
}

/**
 * Runs each system `rounds` times, interleaved (round 1: A B C, round 2: B C A, …, so none
 * always runs first or last on a machine whose load changes), and returns the medians per
 * system in the given order.
 */
export async function interleavedRounds(
  systems: ReadonlyArray<() => Promise<BenchRow>>,
  rounds: number,
): Promise<BenchRow[]> {
  const measured: BenchRow[][] = systems.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < systems.length; k++) {
      const index = (round + k) % systems.length;
      const row = await (systems[index] as () => Promise<BenchRow>)();
      measured[index]?.push(row);
    }
  }
  return measured.map(medianRow);
}

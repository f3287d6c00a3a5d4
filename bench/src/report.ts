/** One measured row of a benchmark table. */
export interface BenchRow {
  /** What system was measured, e.g. `hangar memory`. */
  system: string;
  /** Jobs per second of bulk enqueue. */
  enqueuePerSec?: number;
  /** Jobs per second processed (no-op jobs). */
  processPerSec?: number;
  /** Enqueue-to-start latency percentiles, ms. */
  p50?: number;
  p95?: number;
  p99?: number;
}

/** Percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n)
    ? '—'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints a table, with ratios against the first row of the group (the Hangar row). */
export function printTable(title: string, rows: readonly BenchRow[]): void {
  const base = rows[0];
  console.log(`\n## ${title}\n`);
  console.log(
    "| system | bulk enqueue jobs/s | processing jobs/s (c=16) | Hangar's processing ÷ this system's | p50 ms | p95 ms | p99 ms |",
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratio = base?.processPerSec && r.processPerSec ? base.processPerSec / r.processPerSec : undefined;
    console.log(
      `| ${r.system} | ${fmt(r.enqueuePerSec)} | ${fmt(r.processPerSec)} | ${r === base ? '—' : `${fmt(ratio, 2)}×`} | ${fmt(r.p50, 3)} | ${fmt(r.p95, 3)} | ${fmt(r.p99, 3)} |`,
    );
  }
}

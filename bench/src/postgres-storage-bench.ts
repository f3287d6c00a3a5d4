import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PostgresQueue } from '@hangar/runner/postgres';
import pg from 'pg';
import { dropSchema } from './postgres-peers.js';
import { STORAGE_VARIANTS, type StorageVariant } from './postgres-storage-variants.js';

/** One layout's cost per job: wall and server CPU of the claim and of the completion, WAL written. */
export interface StorageRow {
  variant: StorageVariant;
  claimWallUs: number;
  claimCpuUs: number;
  completeWallUs: number;
  completeCpuUs: number;
  walBytes: number;
}

/** Nanoseconds the backend `pid` has spent on a CPU (`/proc/<pid>/schedstat`). */
function backendNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

/**
 * Claims and completes `jobs` no-op jobs on one layout through one connection, a claim of up to
 * 256 then their completion in one statement, as a runner's batches do (claims committed without
 * waiting for the WAL flush, as schema 9's; completions with it). The CPU is the backend's own,
 * so it leaves out this process and the WAL writer but not the work each statement does.
 */
async function measure(url: string, variant: StorageVariant, jobs: number): Promise<StorageRow> {
  const s = 'bench_storage';
  await dropSchema(url, s);
  const queue = new PostgresQueue({ connectionString: url, schema: s });
  await queue.migrate();
  await queue.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET client_min_messages = warning`);
    const setup = variant.setup(`"${s}"`);
    if (setup.trim()) await client.query(setup);
    await client.query(variant.fill(`"${s}"`, jobs));
    await client.query(`VACUUM ANALYZE "${s}".${variant.claimedTable}`);
    await client.query('CHECKPOINT');
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
    const lsn = async () =>
      (await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]?.lsn ?? '0/0';
    const walFrom = await lsn();
    const claim = { name: 'claim', text: variant.claim(`"${s}"`) };
    const complete = { name: 'complete', text: variant.complete(`"${s}"`) };
    let done = 0;
    let claimWall = 0;
    let claimNs = 0;
    let completeWall = 0;
    let completeNs = 0;
    for (;;) {
      let t = performance.now();
      let ns = backendNs(pid);
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = off');
      const { rows } = await client.query<{ id: string }>({
        ...claim,
        values: ['{default}', '{bench.noop}', 'w1'],
      });
      await client.query('COMMIT');
      claimWall += performance.now() - t;
      claimNs += backendNs(pid) - ns;
      if (rows.length === 0) break;
      const ids = `{${rows.map((r) => r.id).join(',')}}`;
      const results = `[${rows.map(() => '{"success":true}').join(',')}]`;
      t = performance.now();
      ns = backendNs(pid);
      const completed = await client.query({ ...complete, values: [ids, 'w1', results] });
      completeWall += performance.now() - t;
      completeNs += backendNs(pid) - ns;
      done += completed.rows.length;
    }
    if (done !== jobs) throw new Error(`${variant.name}: ${done} of ${jobs} jobs completed`);
    const wal = await client.query<{ bytes: string }>(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint AS bytes`,
      [walFrom],
    );
    return {
      variant,
      claimWallUs: (claimWall * 1000) / done,
      claimCpuUs: claimNs / 1000 / done,
      completeWallUs: (completeWall * 1000) / done,
      completeCpuUs: completeNs / 1000 / done,
      walBytes: Number(wal.rows[0]?.bytes ?? 0) / done,
    };
  } finally {
    await client.end();
    await dropSchema(url, s);
  }
}

/** Every layout `rounds` times, interleaved; the median of each measure per layout. */
export async function benchStorageVariants(url: string, jobs: number, rounds: number): Promise<StorageRow[]> {
  const all = STORAGE_VARIANTS.map(() => [] as StorageRow[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < STORAGE_VARIANTS.length; k++) {
      const index = (round + k) % STORAGE_VARIANTS.length;
      all[index]?.push(await measure(url, STORAGE_VARIANTS[index] as StorageVariant, jobs));
    }
  }
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;
  return all.map((rows, i) => ({
    variant: STORAGE_VARIANTS[i] as StorageVariant,
    claimWallUs: median(rows.map((r) => r.claimWallUs)),
    claimCpuUs: median(rows.map((r) => r.claimCpuUs)),
    completeWallUs: median(rows.map((r) => r.completeWallUs)),
    completeCpuUs: median(rows.map((r) => r.completeCpuUs)),
    walBytes: median(rows.map((r) => r.walBytes)),
  }));
}

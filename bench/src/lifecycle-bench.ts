import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type ConsoDb,
  consoDbToken,
  generateSampleGroup,
  migrateToLatest,
  openConsoDb,
} from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import {
  BACKUP_JOB_TYPE,
  type BackupResult,
  COPY_CONSO_JOB_TYPE,
  createConsoJobsPlugin,
  DELETE_CONSO_JOB_TYPE,
  INTEGRATION_JOB_TYPE,
  OWNERSHIP_JOB_TYPE,
  RESTORE_JOB_TYPE,
} from '@hangar/jobs-database';
import { createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import { sql } from 'kysely';

const run = promisify(execFile);

/** One timed line: the job and its floor (when it has one), measured in the same run on the same data. */
export interface LifecycleBenchRow {
  readonly what: string;
  readonly jobSeconds: number;
  readonly floorSeconds: number | undefined;
  readonly detail: string;
}

/** A runner of the pack over one schema, its backups in `directory`. */
interface BenchHost {
  readonly consoDb: ConsoDb;
  readonly runner: HangarRunner;
  readonly queue: MemoryQueue;
  job(type: string, params: unknown): Promise<{ seconds: number; result: unknown }>;
}

async function openHost(url: string, schema: string, directory: string): Promise<BenchHost> {
  const consoDb = await openConsoDb(url, { schema, poolSize: 4 });
  await migrateToLatest(consoDb.db);
  const queue = new MemoryQueue();
  const runner = createRunner({
    queue,
    plugins: [createConsoJobsPlugin({ backup: { directory, databaseUrl: url } })],
    services: [{ token: consoDbToken, value: consoDb }],
    concurrency: 1,
    pollIntervalMs: 20,
    leaseMs: 3_600_000,
  });
  await runner.start();
  return {
    consoDb,
    runner,
    queue,
    async job(type, params) {
      const started = performance.now();
      const { id } = await runner.client.enqueue(type, params);
      const record = await runner.client.waitFor(id, { pollMs: 20 });
      if (record.state !== JobState.Succeeded)
        throw new Error(`${type}: ${JSON.stringify(record.errorInfo)}`);
      return { seconds: (performance.now() - started) / 1000, result: record.result?.result };
    },
  };
}

async function closeHost(host: BenchHost, schema: string): Promise<void> {
  await host.runner.stop().catch(() => undefined);
  await host.queue.close();
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(host.consoDb.db).catch(() => undefined);
  await host.consoDb.close();
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * Reads one company's consolidated rows of `consoId` in a loop until stopped, company after company,
 * and keeps the worst latency: what a user's screen waits while a deletion runs beside it.
 */
function reader(
  consoDb: ConsoDb,
  consoId: number,
  companies: readonly number[],
): { stop(): Promise<{ worstMs: number; reads: number }> } {
  let running = true;
  let worstMs = 0;
  let reads = 0;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const company = companies[i % companies.length] ?? 0;
      const started = performance.now();
      await sql`select account_id, sum(amount_gc) from consolidated_data
        where conso_id = ${consoId} and company_id = ${company} group by account_id`.execute(consoDb.db);
      worstMs = Math.max(worstMs, performance.now() - started);
      reads++;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { worstMs, reads };
    },
  };
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/**
 * The database lifecycle jobs on a generated group in its own PostgreSQL schema (dropped at the end),
 * each beside its floor in the same run: BackupJob beside `pg_dump -Fc`, RestoreJob beside
 * `pg_restore` of the same kind of dump, CopyConsoJob beside one bare `INSERT … SELECT` of the
 * conso's consolidated data, DeleteConsoJob of the copy with the worst latency of a reader of the
 * source conso during it (and idle, before), then the customer archive (backup, then restore into
 * another schema, with `exclusive` and as by default) beside both; each line is printed as soon as
 * it is measured, the table at the end. Sizes: `BENCH_LIFECYCLE_COMPANIES` (200), `BENCH_LIFECYCLE_ACCOUNTS` (500);
 * the issue's size is 1000 × 2000.
 */
export async function benchLifecycle(): Promise<LifecycleBenchRow[]> {
  const url = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const companies = Number(process.env.BENCH_LIFECYCLE_COMPANIES ?? 200);
  const accounts = Number(process.env.BENCH_LIFECYCLE_ACCOUNTS ?? 500);
  const schema = `bench_life_${randomBytes(4).toString('hex')}`;
  const targetSchema = `${schema}_target`;
  const exclusiveSchema = `${schema}_exclusive`;
  const directory = await mkdtemp(join(tmpdir(), 'hangar-bench-backup-'));
  const host = await openHost(url, schema, directory);
  let target: BenchHost | undefined;
  let exclusiveTarget: BenchHost | undefined;
  const rows: LifecycleBenchRow[] = [];
  // Each line is printed when measured too: at the issue's size the run is long.
  const record = (row: LifecycleBenchRow): void => {
    rows.push(row);
    console.log(`(${line(row)})`);
  };
  const { db } = host.consoDb;
  try {
    const generated = performance.now();
    const group = await generateSampleGroup(db, { companies, accounts, seed: 1 });
    await host.job(OWNERSHIP_JOB_TYPE, { conso: group.consoId });
    await host.job(INTEGRATION_JOB_TYPE, { consos: [group.consoId] });
    await sql`analyze`.execute(db);
    const count = async (table: string, where = sql`true`) =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db))
          .rows[0]?.n,
      );
    const dataRows = await count('consolidated_data', sql`conso_id = ${group.consoId}`);
    const bundleRows = await count('bundles');
    console.log(
      `(group generated and consolidated in ${((performance.now() - generated) / 1000).toFixed(0)} s: ${bundleRows} bundle rows, ${dataRows} consolidated rows)`,
    );

    const backup = await host.job(BACKUP_JOB_TYPE, { name: 'bench' });
    const dumpPath = join(directory, 'floor.dump');
    const dumpSeconds = await timed(() =>
      run('pg_dump', [
        '--format=custom',
        '--no-owner',
        `--schema=${schema}`,
        `--dbname=${url}`,
        `--file=${dumpPath}`,
      ]),
    );
    const jobDump = (backup.result as BackupResult).path;
    record({
      what: 'BackupJob vs pg_dump -Fc',
      jobSeconds: backup.seconds,
      floorSeconds: dumpSeconds,
      detail: `${mib((await stat(jobDump)).size)} dump (job) / ${mib((await stat(dumpPath)).size)} (pg_dump)`,
    });

    const restore = await host.job(RESTORE_JOB_TYPE, { backup: 'bench' });
    const restoreFloor = await timed(() =>
      run('pg_restore', [
        '--single-transaction',
        '--clean',
        '--if-exists',
        '--no-owner',
        `--dbname=${url}`,
        dumpPath,
      ]),
    );
    record({
      what: 'RestoreJob vs pg_restore',
      jobSeconds: restore.seconds,
      floorSeconds: restoreFloor,
      detail: 'whole schema, one transaction each (--single-transaction --clean --if-exists)',
    });

    const copy = await host.job(COPY_CONSO_JOB_TYPE, { conso: group.consoId, code: `${group.consoCode}C` });
    const copyFloor = await timed(() =>
      db.transaction().execute(async (trx) => {
        await sql`insert into consos (customer_id, code, name, period_id, category_id, group_currency, parent_company_id, created_at)
          select customer_id, code || 'F', name, period_id, category_id, group_currency, parent_company_id, created_at
          from consos where id = ${group.consoId}`.execute(trx);
        await sql`insert into consolidated_data (conso_id, company_id, account_id, partner_company_id, flow_id, dimension, origin, step, amount_gc)
          select (select id from consos where code = ${`${group.consoCode}F`}), company_id, account_id, partner_company_id,
            flow_id, dimension, origin, step, amount_gc
          from consolidated_data where conso_id = ${group.consoId}`.execute(trx);
      }),
    );
    record({
      what: 'CopyConsoJob vs one bare INSERT … SELECT',
      jobSeconds: copy.seconds,
      floorSeconds: copyFloor,
      detail: `${dataRows.toLocaleString('en-US')} consolidated rows (the job copies every conso table)`,
    });

    // Listed before either window: over millions of rows the list alone takes seconds.
    const readCompanies = (
      await sql<{ id: number }>`select distinct company_id as id from consolidated_data
        where conso_id = ${group.consoId} order by 1`.execute(db)
    ).rows.map((row) => row.id);
    const idle = reader(host.consoDb, group.consoId, readCompanies);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const idleReads = await idle.stop();
    const during = reader(host.consoDb, group.consoId, readCompanies);
    const deletion = await host.job(DELETE_CONSO_JOB_TYPE, { conso: `${group.consoCode}C` });
    const duringReads = await during.stop();
    record({
      what: 'DeleteConsoJob (the copy), a reader of the source beside it',
      jobSeconds: deletion.seconds,
      floorSeconds: undefined,
      detail: `reader's worst latency ${duringReads.worstMs.toFixed(0)} ms over ${duringReads.reads} reads during (idle: ${idleReads.worstMs.toFixed(0)} ms over ${idleReads.reads})`,
    });
    // Last: the longest line, and one without a target; the lines above are printed as they come.
    const archive = await host.job(BACKUP_JOB_TYPE, {
      name: 'bench-customer',
      scope: 'customer',
      customer: group.customerCode,
    });
    const archivePath = (archive.result as BackupResult).path;
    record({
      what: 'customer archive (BackupJob scope customer) vs pg_dump -Fc',
      jobSeconds: archive.seconds,
      floorSeconds: dumpSeconds,
      detail: `${mib((await stat(archivePath)).size)} gzip NDJSON; the group is the schema's only customer`,
    });
    // First with `exclusive` (keys checked once per large table), then as by default (per row).
    for (const exclusive of [true, false]) {
      const into = await openHost(url, exclusive ? exclusiveSchema : targetSchema, directory);
      if (exclusive) exclusiveTarget = into;
      else target = into;
      const archiveRestore = await into.job(RESTORE_JOB_TYPE, { backup: 'bench-customer', exclusive });
      const restoredRows = Object.values(
        (archiveRestore.result as { customer: { rows: Record<string, number> } }).customer.rows,
      ).reduce((sum, n) => sum + n, 0);
      record({
        what: `customer archive restored into another schema${exclusive ? ' (exclusive)' : ''} vs pg_restore`,
        jobSeconds: archiveRestore.seconds,
        floorSeconds: restoreFloor,
        detail: `${restoredRows.toLocaleString('en-US')} rows, every id remapped, one transaction; ${
          exclusive ? 'large tables locked, keys validated once' : 'keys checked per row'
        }`,
      });
    }
  } finally {
    if (target !== undefined) await closeHost(target, targetSchema);
    if (exclusiveTarget !== undefined) await closeHost(exclusiveTarget, exclusiveSchema);
    await closeHost(host, schema);
    await rm(directory, { recursive: true, force: true });
  }
  console.log(`\n## Database lifecycle jobs on PostgreSQL (${companies} companies × ${accounts} accounts)\n`);
  console.log('| what | job s | floor s | ratio | detail |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of rows) console.log(line(r));
  return rows;
}

function line(r: LifecycleBenchRow): string {
  const floor = r.floorSeconds === undefined ? '—' : r.floorSeconds.toFixed(2);
  const ratio = r.floorSeconds === undefined ? '—' : `${(r.jobSeconds / r.floorSeconds).toFixed(2)}×`;
  return `| ${r.what} | ${r.jobSeconds.toFixed(2)} | ${floor} | ${ratio} | ${r.detail} |`;
}

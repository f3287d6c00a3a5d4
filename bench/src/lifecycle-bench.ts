import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { consoDbToken, generateSampleGroup, migrateToLatest, openConsoDb } from '@hangar/conso-db';
import { JobState } from '@hangar/core';
import {
  BACKUP_JOB_TYPE,
  COPY_CONSO_JOB_TYPE,
  createConsoJobsPlugin,
  INTEGRATION_JOB_TYPE,
  OWNERSHIP_JOB_TYPE,
} from '@hangar/jobs-database';
import { createRunner, MemoryQueue } from '@hangar/runner';
import { sql } from 'kysely';

const run = promisify(execFile);

/** One timed line: the job and its floor, measured in the same run on the same data. */
export interface LifecycleBenchRow {
  readonly what: string;
  readonly jobSeconds: number;
  readonly floorSeconds: number;
  readonly detail: string;
}

/**
 * Times BackupJob against a plain `pg_dump -Fc` of the same schema, and CopyConsoJob against one
 * bare `INSERT … SELECT` of the conso's consolidated data (its largest table), on a generated group
 * in its own PostgreSQL schema (dropped at the end). Sizes: `BENCH_LIFECYCLE_COMPANIES` (200),
 * `BENCH_LIFECYCLE_ACCOUNTS` (500).
 */
export async function benchLifecycle(): Promise<LifecycleBenchRow[]> {
  const url = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const companies = Number(process.env.BENCH_LIFECYCLE_COMPANIES ?? 200);
  const accounts = Number(process.env.BENCH_LIFECYCLE_ACCOUNTS ?? 500);
  const schema = `bench_life_${randomBytes(4).toString('hex')}`;
  const directory = await mkdtemp(join(tmpdir(), 'hangar-bench-backup-'));
  const consoDb = await openConsoDb(url, { schema, poolSize: 4 });
  const queue = new MemoryQueue();
  const runner = createRunner({
    queue,
    plugins: [createConsoJobsPlugin({ backup: { directory, databaseUrl: url } })],
    services: [{ token: consoDbToken, value: consoDb }],
    concurrency: 1,
    pollIntervalMs: 20,
    leaseMs: 600_000,
  });
  const rows: LifecycleBenchRow[] = [];
  try {
    await migrateToLatest(consoDb.db);
    const group = await generateSampleGroup(consoDb.db, { companies, accounts, seed: 1 });
    await runner.start();
    const job = async (type: string, params: unknown): Promise<{ seconds: number; result: unknown }> => {
      const started = performance.now();
      const { id } = await runner.client.enqueue(type, params);
      const record = await runner.client.waitFor(id, { pollMs: 20 });
      if (record.state !== JobState.Succeeded)
        throw new Error(`${type}: ${JSON.stringify(record.errorInfo)}`);
      return { seconds: (performance.now() - started) / 1000, result: record.result?.result };
    };
    await job(OWNERSHIP_JOB_TYPE, { conso: group.consoId });
    await job(INTEGRATION_JOB_TYPE, { consos: [group.consoId] });
    await sql`analyze`.execute(consoDb.db);
    const dataRows = Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from consolidated_data where conso_id = ${group.consoId}`.execute(consoDb.db)
      ).rows[0]?.n,
    );

    const backup = await job(BACKUP_JOB_TYPE, { name: 'bench' });
    const dumpPath = join(directory, 'floor.dump');
    const started = performance.now();
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      `--schema=${schema}`,
      `--dbname=${url}`,
      `--file=${dumpPath}`,
    ]);
    const dumpSeconds = (performance.now() - started) / 1000;
    const bytes = (await stat(join(directory, 'bench.dump'))).size;
    rows.push({
      what: 'BackupJob vs pg_dump -Fc',
      jobSeconds: backup.seconds,
      floorSeconds: dumpSeconds,
      detail: `${(bytes / 1048576).toFixed(1)} MiB dump (job) / ${((await stat(dumpPath)).size / 1048576).toFixed(1)} MiB (pg_dump)`,
    });

    const copy = await job(COPY_CONSO_JOB_TYPE, { conso: group.consoId, code: `${group.consoCode}C` });
    const floorStarted = performance.now();
    await consoDb.db.transaction().execute(async (trx) => {
      await sql`insert into consos (customer_id, code, name, period_id, category_id, group_currency, parent_company_id, created_at)
        select customer_id, code || 'F', name, period_id, category_id, group_currency, parent_company_id, created_at
        from consos where id = ${group.consoId}`.execute(trx);
      await sql`insert into consolidated_data (conso_id, company_id, account_id, partner_company_id, flow_id, dimension, origin, step, amount_gc)
        select (select id from consos where code = ${`${group.consoCode}F`}), company_id, account_id, partner_company_id,
          flow_id, dimension, origin, step, amount_gc
        from consolidated_data where conso_id = ${group.consoId}`.execute(trx);
    });
    rows.push({
      what: 'CopyConsoJob vs one bare INSERT … SELECT',
      jobSeconds: copy.seconds,
      floorSeconds: (performance.now() - floorStarted) / 1000,
      detail: `${dataRows.toLocaleString('en-US')} consolidated rows (the job copies every conso table)`,
    });
  } finally {
    await runner.stop().catch(() => undefined);
    await queue.close();
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(consoDb.db).catch(() => undefined);
    await consoDb.close();
    await rm(directory, { recursive: true, force: true });
  }
  console.log(`\n## Database lifecycle jobs on PostgreSQL (${companies} companies × ${accounts} accounts)\n`);
  console.log('| what | job s | floor s | ratio | detail |');
  console.log('|---|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.what} | ${r.jobSeconds.toFixed(2)} | ${r.floorSeconds.toFixed(2)} | ${(r.jobSeconds / r.floorSeconds).toFixed(2)}× | ${r.detail} |`,
    );
  }
  return rows;
}

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import {
  type ConsoDatabase,
  consoDbToken,
  loadTinyDemoGroup,
  migrateToLatest,
  openConsoDb,
} from '@hangar/conso-db';
import { type JobContext, type LogFields, type Logger, mapServiceResolver, silentLogger } from '@hangar/core';
import { fileStoreToken, importDataJob, LocalFileStore } from '@hangar/jobs-importexport';
import { type Kysely, sql } from 'kysely';

/** Options of {@link benchImport}. */
export interface ImportBenchOptions {
  /** Data rows in the generated CSV. @defaultValue 1_000_000 (or `BENCH_IMPORT_ROWS`) */
  rows?: number;
  /** PostgreSQL to import into. @defaultValue `HANGAR_PG_URL`, else `postgres://postgres@127.0.0.1:5432/test` */
  pgUrl?: string;
}

/** What {@link benchImport} measured. */
export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  /** `psql \copy` of the file into a plain unindexed table: the floor no import can beat. */
  copyFloorMs: number;
  /**
   * `psql \copy` of the imported rows, already as ids, into an empty copy of `bundles` with its
   * primary key, indexes and identity (no foreign-key triggers, which the import skips too): what
   * writing these rows into the target table costs before any reading or validation.
   */
  targetFloorMs: number;
  /** ImportDataJob: parse, validate every row, COPY into staging, checks, replace into `bundles`, commit. */
  importMs: number;
  importRowsPerSec: number;
  /** Import time over the floor. */
  ratioToFloor: number;
  /** Target-table floor over the floor: the least any import writing `bundles` can reach. */
  targetRatioToFloor: number;
  /** Highest resident set size sampled during the import, MiB. */
  peakRssMiB: number;
  /** Resident set size just before the import started, MiB. */
  baselineRssMiB: number;
  /** Milliseconds of each import phase, as the job logs them (`import phases`, debug level). */
  phasesMs: Record<string, number>;
  /** How the job read the file: `copy`, or `copy (reason)` then `stream` when it fell back. */
  paths: string[];
}

const MiB = 1024 * 1024;

/** A silent logger that keeps what the job's `import phases` debug entries say (one per attempt). */
function phaseLogger(phases: Record<string, number>, paths: string[]): Logger {
  const debug = (fields: LogFields | string, msg?: string) => {
    if (typeof fields !== 'object' || msg !== 'import phases') return;
    Object.assign(phases, fields.phases as Record<string, number>);
    paths.push(fields.fallback === undefined ? `${fields.path}` : `${fields.path} (${fields.fallback})`);
  };
  return { ...silentLogger, debug, child: () => phaseLogger(phases, paths) };
}

/** Writes `rows` balanced bundle lines over the demo group's companies and accounts, streamed to disk. */
async function writeDataCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const companies = ['HOLD', 'FR1', 'US1', 'UK1', 'JV1'];
  let chunk = 'company,account,partner,flow,dimension,amount\n';
  for (let i = 0; i < rows; i += 2) {
    const company = companies[(i / 2) % companies.length];
    const amount = ((i * 7919) % 1_000_000) / 100 + 1;
    // Pairs of opposite amounts keep every company's bundle balanced; the dimension keeps keys unique.
    chunk += `${company},1000,,F20,D${i},${amount}\n${company},4000,,F20,D${i},${-amount}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

const BUNDLE_COLUMNS =
  'company_id, period_id, category_id, account_id, partner_company_id, flow_id, dimension, amount';

/**
 * Exports the rows the import wrote (as ids, in id order) with `\copy ... to`, then times `\copy`
 * of that file into an empty `like bundles including all` table: same columns, identity, primary
 * key and indexes, no foreign keys.
 */
async function timeTargetFloor(
  db: Kysely<ConsoDatabase>,
  url: string,
  schema: string,
  file: string,
): Promise<number> {
  const copy = sql.id(schema, 'bench_target');
  await sql`create table ${copy} (like ${sql.id(schema, 'bundles')} including all)`.execute(db);
  await psqlCopy(url, `(select ${BUNDLE_COLUMNS} from ${schema}.bundles order by id)`, file, 'to', false);
  const t0 = performance.now();
  await psqlCopy(url, `${schema}.bench_target (${BUNDLE_COLUMNS})`, file, 'from', false);
  return performance.now() - t0;
}

function psqlCopy(
  url: string,
  table: string,
  file: string,
  direction: 'from' | 'to' = 'from',
  header = true,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'psql',
      [
        url,
        '-v',
        'ON_ERROR_STOP=1',
        '-q',
        '-c',
        `\\copy ${table} ${direction} '${file}' with (format csv, header ${header})`,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql exited with ${code}: ${stderr}`)),
    );
  });
}

/**
 * Generates a data CSV (1,000,000 rows by default), then times `psql \copy` of it into a plain
 * table (the floor) and ImportDataJob of the same file into PostgreSQL, sampling the process RSS
 * during the import. Works in a throw-away schema and temporary directory, removed afterwards.
 */
export async function benchImport(options: ImportBenchOptions = {}): Promise<ImportBenchResult> {
  const rows = options.rows ?? Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
  const url = options.pgUrl ?? process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dir = await mkdtemp(join(tmpdir(), 'hangar-import-bench-'));
  const schema = `bench_import_${randomBytes(4).toString('hex')}`;
  const consoDb = await openConsoDb(url, { schema, poolSize: 2 });
  try {
    await migrateToLatest(consoDb.db);
    await loadTinyDemoGroup(consoDb.db);
    const files = join(dir, 'files');
    await mkdir(files);
    const file = join(files, 'data.csv');
    await writeDataCsv(file, rows);
    const fileBytes = (await stat(file)).size;

    await sql`create table ${sql.id(schema, 'bench_floor')} (company text, account text, partner text, flow text, dimension text, amount numeric)`.execute(
      consoDb.db,
    );
    let t0 = performance.now();
    await psqlCopy(url, `${schema}.bench_floor`, file);
    const copyFloorMs = performance.now() - t0;

    const services = mapServiceResolver([
      [consoDbToken, consoDb],
      [fileStoreToken, new LocalFileStore(files)],
    ]);
    const phasesMs: Record<string, number> = {};
    const paths: string[] = [];
    const ctx: JobContext = {
      jobId: 'bench',
      type: importDataJob.type,
      attempt: 1,
      customerId: undefined,
      userId: undefined,
      signal: new AbortController().signal,
      log: phaseLogger(phasesMs, paths),
      services,
      progress: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      addOutputFile: () => undefined,
      checkpoint: () => undefined,
      lock: async (name) => ({ name, release: async () => undefined }),
    };
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    t0 = performance.now();
    try {
      const result = await importDataJob.create(services).execute(
        importDataJob.params.parse({
          customer: 'DEMO',
          period: '202312',
          category: 'ACT',
          file: 'data.csv',
          mode: 'replace',
        }),
        ctx,
      );
      if (result.inserted !== rows) throw new Error(`imported ${result.inserted} rows, expected ${rows}`);
    } finally {
      clearInterval(sampler);
    }
    const importMs = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    const targetFloorMs = await timeTargetFloor(consoDb.db, url, schema, join(dir, 'bundles.csv'));
    return {
      rows,
      fileBytes,
      copyFloorMs: Math.round(copyFloorMs),
      importMs: Math.round(importMs),
      importRowsPerSec: Math.round(rows / (importMs / 1000)),
      targetFloorMs: Math.round(targetFloorMs),
      ratioToFloor: Math.round((importMs / copyFloorMs) * 100) / 100,
      targetRatioToFloor: Math.round((targetFloorMs / copyFloorMs) * 100) / 100,
      peakRssMiB: Math.round(peak / MiB),
      baselineRssMiB: Math.round(baseline / MiB),
      phasesMs,
      paths,
    };
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(consoDb.db).catch(() => undefined);
    await consoDb.close();
    await rm(dir, { recursive: true, force: true });
  }
}

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleGroup, MIN_SAMPLE_ACCOUNTS, migrateToLatest } from '@hangar/conso-db';
import { consoJobsPlugin } from '@hangar/jobs-database';
import { importExportJobs } from '@hangar/jobs-importexport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openIsolatedPostgres,
  postgresTestTarget,
} from '../packages/conso-db/src/testing/postgres-test-target.js';
import { type ProcessResult, runNode } from '../packages/runner/src/cli/test-kit.js';
import { dropSchema, randomSchema } from '../packages/runner/src/postgres/test-database.js';

// `hangar serve` as users run it: the committed bin, the built packs, a real PostgreSQL for both
// the queue and the consolidation database, and the CLI as separate processes talking to it.
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages/runner/bin/hangar.js');
const builtFiles = [
  'runner/dist/cli/main.js',
  'jobs-database/dist/index.js',
  'jobs-importexport/dist/index.js',
];
const missing = builtFiles.map((f) => join(root, 'packages', f)).filter((f) => !existsSync(f));
if (missing.length > 0)
  console.log(`Skipping the serve-with-packs test: ${missing.join(', ')} missing; run "npm run build".`);
const target = await postgresTestTarget();

const TOKEN = 'serve-packs-operator-token';
const CUSTOMER = 'E2E';

function runBin(args: string[], env: Record<string, string>, cwd: string): Promise<ProcessResult> {
  return runNode([bin, ...args], cwd, env);
}

/** Starts `hangar serve` and resolves with its URL once it listens; rejects with its output if it exits. */
function startServe(
  child: ChildProcessWithoutNullStreams,
  output: { out: string; err: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output.out += String(chunk);
      const url = /listening on (http:\/\/\S+)/.exec(output.out)?.[1];
      if (url) resolve(url);
    });
    child.stderr.on('data', (chunk: Buffer) => (output.err += String(chunk)));
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${output.err}`)));
  });
}

describe.skipIf(missing.length > 0 || target.skipReason !== undefined)(
  'hangar serve with both job packs on PostgreSQL',
  () => {
    const queueSchema = randomSchema();
    let conso: Awaited<ReturnType<typeof openIsolatedPostgres>>;
    let dir: string;
    let serve: ChildProcessWithoutNullStreams | undefined;
    const output = { out: '', err: '' };
    let url: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'hangar-serve-packs-'));
      conso = await openIsolatedPostgres(target.url!);
      await migrateToLatest(conso.handle.db);
      await generateSampleGroup(conso.handle.db, {
        companies: 6,
        accounts: MIN_SAMPLE_ACCOUNTS,
        seed: 11,
        customerCode: CUSTOMER,
      });
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the config file's reference to an environment variable
      const database = { url: '${HANGAR_CONSO_DB_URL}', schema: conso.handle.schema };
      const config = {
        queue: { kind: 'postgres', url: 'env:HANGAR_QUEUE_URL', schema: queueSchema },
        discover: false,
        plugins: [
          { package: '@hangar/jobs-database', settings: { database } },
          { package: '@hangar/jobs-importexport', settings: { database, filesDir: './files' } },
        ],
        http: {
          port: 0,
          host: '127.0.0.1',
          filesRoot: './files',
          tokens: [
            {
              // biome-ignore lint/suspicious/noTemplateCurlyInString: the config file's reference to an environment variable
              token: '${HANGAR_OPERATOR_TOKEN}',
              customerId: CUSTOMER,
              userId: 'ops',
              roles: ['operator'],
            },
          ],
        },
        runner: { concurrency: 2, shutdownGraceMs: 5000 },
      };
      await writeFile(join(dir, 'hangar.config.json'), JSON.stringify(config, null, 2));
      serve = spawn(process.execPath, [bin, 'serve', '--config', join(dir, 'hangar.config.json')], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          HANGAR_CONSO_DB_URL: target.url!,
          HANGAR_QUEUE_URL: target.url!,
          HANGAR_OPERATOR_TOKEN: TOKEN,
        },
      });
      url = await startServe(serve, output);
    }, 60_000);

    afterAll(async () => {
      if (serve && serve.exitCode === null) {
        const exited = new Promise((resolve) => serve!.once('close', resolve));
        serve.kill('SIGTERM');
        await exited;
      }
      await conso?.dispose();
      await dropSchema(queueSchema);
      await rm(dir, { recursive: true, force: true });
    }, 30_000);

    const cli = (args: string[]) => runBin(args, { HANGAR_URL: url, HANGAR_TOKEN: TOKEN }, dir);

    it('runs the consolidation jobs with the database its settings name', async () => {
      // Every job type of both packs is served.
      expect(output.out).toContain(`with ${consoJobsPlugin.jobs.length + importExportJobs.length} job types`);
      const ownership = await cli([
        'enqueue',
        'conso.calculate-indirect-percentages',
        '--params',
        JSON.stringify({ customer: CUSTOMER, conso: '202312ACT001' }),
        '--wait',
      ]);
      expect(ownership.err).not.toContain('not registered');
      expect(ownership.code).toBe(0);
      const integration = await cli([
        'enqueue',
        'conso.integration',
        '--params',
        JSON.stringify({ customer: CUSTOMER, consos: ['202312ACT001'] }),
        '--wait',
        '--json',
      ]);
      expect(integration.code).toBe(0);
      expect(JSON.parse(integration.out)).toMatchObject({ state: 'Succeeded', type: 'conso.integration' });
      const rows = await conso.handle.db
        .selectFrom('consolidated_data')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBeGreaterThan(0);
    });

    it('exports to the file store its settings name, downloadable through the API', async () => {
      const exported = await cli([
        'enqueue',
        'importexport.export-data',
        '--params',
        JSON.stringify({ customer: CUSTOMER, period: '202312', category: 'ACT' }),
        '--wait',
        '--json',
      ]);
      expect(exported.code).toBe(0);
      const job = JSON.parse(exported.out) as { id: string; outputFiles: { name: string; url: string }[] };
      const file = job.outputFiles[0];
      expect(file?.name).toBe('data-202312-ACT.csv');
      const response = await fetch(`${url}/jobs/${job.id}/files/${file!.name}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(200);
      const csv = await response.text();
      const [header, ...lines] = csv.trim().split('\n');
      expect(header).toMatch(/^company[,;]account/);
      // One line per bundle row of the period and category, read from the database itself.
      const bundles = await conso.handle.db
        .selectFrom('bundles as b')
        .innerJoin('periods as p', 'p.id', 'b.period_id')
        .innerJoin('categories as c', 'c.id', 'b.category_id')
        .where('p.code', '=', '202312')
        .where('c.code', '=', 'ACT')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(bundles.n)).toBeGreaterThan(0);
      expect(lines).toHaveLength(Number(bundles.n));
    });

    it('stops gracefully on SIGTERM', async () => {
      const exited = new Promise<number | null>((resolve) => serve!.once('close', resolve));
      serve!.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.err).toContain('Stopped');
    });
  },
);

describe.skipIf(missing.length > 0)('hangar serve with the shipped example config', () => {
  let dir: string;
  let serve: ChildProcessWithoutNullStreams | undefined;
  const output = { out: '', err: '' };
  let url: string;
  const token = 'local-demo-operator-token';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hangar-serve-example-'));
    await copyFile(join(root, 'hangar.config.example.json'), join(dir, 'hangar.config.json'));
    // As shipped but on a free port: the example's own port may be taken on this machine.
    serve = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
    });
    url = await startServe(serve, output);
  }, 60_000);

  afterAll(async () => {
    if (serve && serve.exitCode === null) {
      const exited = new Promise((resolve) => serve!.once('close', resolve));
      serve.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  }, 30_000);

  it('creates and seeds its SQLite database under var/, and runs both packs on it', async () => {
    expect(await readdir(join(dir, 'var'))).toContain('conso.db');
    const run = (type: string, params: unknown) =>
      runBin(
        ['enqueue', type, '--params', JSON.stringify(params), '--wait', '--json'],
        { HANGAR_URL: url, HANGAR_TOKEN: token },
        dir,
      );
    const ownership = await run('conso.calculate-indirect-percentages', { conso: '202312ACT001' });
    expect(ownership.code).toBe(0);
    const integration = await run('conso.integration', { consos: ['202312ACT001'] });
    expect(JSON.parse(integration.out)).toMatchObject({ state: 'Succeeded' });
    const exported = await run('importexport.export-data', {
      customer: 'DEMO',
      period: '202312',
      category: 'ACT',
    });
    const job = JSON.parse(exported.out) as { id: string; outputFiles: { name: string }[] };
    const response = await fetch(`${url}/jobs/${job.id}/files/${job.outputFiles[0]?.name}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^company[,;]account/);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleGroup, migrateToLatest, openConsoDb } from '@hangar/conso-db';
import { type CapturedIo, captureCliIo, runCli } from '@hangar/runner/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_JOB_TYPE } from '../jobs/consolidation-integration-job.js';

// `hangar serve` imports plugins as Node does, so the config names this package's build (what a
// project's node_modules holds); run `npx tsup` in the package after changing it.
const BUILT_PLUGIN = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const TOKEN = 'conso-settings-operator-token';

function capture(dir: string, env: Record<string, string> = {}, signal?: AbortSignal): CapturedIo {
  return captureCliIo({ env, cwd: dir, ...(signal ? { signal } : {}) });
}

describe('hangar serve config: the jobs-database plugin settings', () => {
  let dir: string;
  let consoCode: string;

  const writeConfig = (settings: Record<string, unknown>) =>
    writeFile(
      join(dir, 'hangar.config.json'),
      JSON.stringify({
        queue: { kind: 'memory' },
        discover: false,
        plugins: [{ package: BUILT_PLUGIN, settings: { database: { url: 'sqlite:conso.db' }, ...settings } }],
        http: {
          port: 0,
          host: '127.0.0.1',
          tokens: [{ token: TOKEN, customerId: 'SAMPLE5', userId: 'sample5.admin', roles: ['operator'] }],
        },
        runner: { pollIntervalMs: 20, shutdownGraceMs: 1000 },
      }),
    );

  /** Serves the config, runs one integration of the conso through the API, stops; returns the job's JSON. */
  const integrateThroughServe = async (): Promise<string> => {
    const controller = new AbortController();
    const server = capture(dir, {}, controller.signal);
    const serving = runCli(['serve'], server.io);
    let url: string | undefined;
    await expect
      .poll(
        () => {
          url = /listening on (http:\/\/\S+)/.exec(server.out())?.[1];
          return url ?? server.err();
        },
        { timeout: 20_000, interval: 20 },
      )
      .toMatch(/^http:/);
    try {
      const client = capture(dir, { HANGAR_URL: url!, HANGAR_TOKEN: TOKEN });
      const params = JSON.stringify({ consos: [consoCode] });
      await runCli(['enqueue', INTEGRATION_JOB_TYPE, '--params', params, '--wait', '--json'], client.io);
      return client.out();
    } finally {
      controller.abort();
      expect(await serving).toBe(0);
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conso-settings-'));
    const handle = await openConsoDb(`sqlite:${join(dir, 'conso.db')}`);
    try {
      await migrateToLatest(handle.db);
      const sample = await generateSampleGroup(handle.db, { companies: 6, accounts: 40, seed: 5 });
      consoCode = sample.consoCode;
      // Every company books a P&L result, so "P&L sums to 0" fails for each: a blocking failure.
      await handle.db
        .insertInto('validation_rules')
        .values({
          customer_id: sample.customerId,
          code: 'PL_ZERO',
          name: 'P&L sums to zero',
          left_selector: JSON.stringify({ types: ['PL'] }),
          right_selector: null,
          operator: 'equal',
          tolerance: 0,
          is_blocking: 1,
        })
        .execute();
    } finally {
      await handle.close();
    }
  }, 60_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('with blockOnFailedRules on, a conso failing a blocking rule ends Failed', async () => {
    await writeConfig({ blockOnFailedRules: true });
    const job = await integrateThroughServe();
    expect(job).toContain('"state": "Failed"');
    expect(job).toContain('"code": "CONSO_BLOCKING_RULES_FAILED"');
  }, 60_000);

  it('without it, the same conso is not checked against its rules', async () => {
    await writeConfig({});
    const job = await integrateThroughServe();
    expect(job).toContain('"state"');
    expect(job).not.toContain('CONSO_BLOCKING_RULES_FAILED');
  }, 60_000);

  it('refuses a value that is not a boolean, naming the field (exit 78)', async () => {
    await writeConfig({ blockOnFailedRules: 'yes' });
    const server = capture(dir);
    expect(await runCli(['serve'], server.io)).toBe(78);
    expect(server.err()).toContain('plugins.0.settings.blockOnFailedRules');
    expect(server.err()).toContain('must be true or false');
    expect(server.out()).not.toContain('listening');
  });
});

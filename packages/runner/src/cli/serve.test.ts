import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { capture, startServe, tempDir } from './test-kit.js';

const TOKEN = 'serve-test-operator-token';
const testKit = fileURLToPath(new URL('./test-kit.ts', import.meta.url));

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

async function writeConfig(config: unknown, name = 'hangar.config.json'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof config === 'string' ? config : JSON.stringify(config));
  return path;
}

const validConfig = (extra: Record<string, unknown> = {}) => ({
  queue: { kind: 'memory' },
  plugins: [testKit],
  http: {
    port: 0,
    host: '127.0.0.1',
    tokens: [{ token: 'env:SERVE_TOKEN', customerId: 'acme', userId: 'alice', roles: ['operator'] }],
  },
  runner: { concurrency: 2, pollIntervalMs: 20, shutdownGraceMs: 1000 },
  ...extra,
});

describe('hangar serve', () => {
  it('starts a runner and the API from the config, serves jobs, and stops gracefully', async () => {
    await writeConfig(validConfig());
    const server = await startServe(dir, { SERVE_TOKEN: TOKEN });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const client = capture({ HANGAR_URL: server.url, HANGAR_TOKEN: TOKEN }, dir);
    const code = await runCli(
      ['enqueue', 'test.steps', '--params', '{"count":2,"delayMs":5}', '--wait'],
      client.io,
    );
    expect(client.out()).toContain('Step 2 done (2/2)');
    expect(code).toBe(0);
    const types = await fetch(`${server.url}/job-types`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await types.json()) as { items: unknown[] }).items).toHaveLength(4);

    const { code: exit, io } = await server.stop();
    expect(exit).toBe(0);
    expect(io.out()).toContain('with 4 job types');
    const messages = io
      .err()
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContain('Stopping: finishing running jobs');
    expect(messages.at(-1)).toBe('Stopped');
    await expect(fetch(`${server.url}/jobs`)).rejects.toThrow();
  });

  it.each([
    ['a missing file', undefined, 'Config file', 78],
    ['bad JSON', '{"queue": ', 'not valid JSON', 78],
    ['a wrong queue kind', { queue: { kind: 'mongo' }, http: validConfig().http }, 'queue', 78],
    [
      'a misspelt option',
      { ...validConfig(), runner: { concurency: 2 } },
      'runner: Unrecognized key: "concurency"',
      78,
    ],
    ['no http section', { queue: { kind: 'memory' } }, 'http: add', 78],
    ['an unset env variable', validConfig(), 'refers to the environment variable SERVE_TOKEN', 78],
    [
      'a configured plugin that does not load',
      { ...validConfig(), plugins: ['./nope.mjs'] },
      'Could not load plugin ./nope.mjs (config)',
      78,
    ],
    ['a short token', validConfig(), 'at least 16 characters', 78],
  ])('refuses %s with a message and exit 78', async (label, config, message, exit) => {
    if (config !== undefined) await writeConfig(config);
    const env =
      label === 'an unset env variable' ? {} : { SERVE_TOKEN: label === 'a short token' ? 'short' : TOKEN };
    const io = capture(env, dir);
    expect(await runCli(['serve'], io.io)).toBe(exit);
    expect(io.err()).toContain(message);
    // The message says which file to fix (a plugin's says "(config)" and names the plugin instead).
    if (!label.includes('plugin')) expect(io.err()).toContain(join(dir, 'hangar.config.json'));
  });

  it('upserts the schedules the config declares when it starts, paused ones paused, and serves metrics', async () => {
    const schedule = {
      cron: '0 2 * * *',
      timezone: 'Europe/Paris',
      type: 'test.steps',
      params: { count: 1, delayMs: 1 },
    };
    const base = validConfig();
    await writeConfig(
      validConfig({
        http: { ...base.http, metrics: true },
        schedules: [
          { name: 'nightly', ...schedule, options: { customerId: 'acme' } },
          { name: 'weekly', ...schedule, cron: '0 3 * * 1', options: { customerId: 'acme' }, paused: true },
        ],
      }),
    );
    const server = await startServe(dir, { SERVE_TOKEN: TOKEN });
    const res = await fetch(`${server.url}/schedules`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { items } = (await res.json()) as { items: { name: string; paused: boolean; cron: string }[] };
    expect(items.map((i) => [i.name, i.cron, i.paused]).sort()).toEqual([
      ['nightly', '0 2 * * *', false],
      ['weekly', '0 3 * * 1', true],
    ]);
    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('hangar_');
    expect(await server.stop()).toMatchObject({ code: 0 });
  });

  it('serves the dashboard when the config turns it on, and not otherwise', async () => {
    const base = validConfig();
    await writeConfig({ ...base, http: { ...base.http, dashboard: true } });
    const server = await startServe(dir, { SERVE_TOKEN: TOKEN });
    const page = await fetch(`${server.url}/dashboard/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('app.js');
    const me = await fetch(`${server.url}/dashboard/api/me`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await me.json()).toMatchObject({ userId: 'alice', customerId: 'acme' });
    expect(await server.stop()).toMatchObject({ code: 0 });

    await writeConfig(validConfig());
    const plain = await startServe(dir, { SERVE_TOKEN: TOKEN });
    expect((await fetch(`${plain.url}/dashboard/`)).status).toBe(404);
    expect(await plain.stop()).toMatchObject({ code: 0 });
  });

  it('reads --config and HANGAR_CONFIG, and exits 69 when the port is taken', async () => {
    await writeConfig(validConfig(), 'other.json');
    const server = await (async () => {
      const controller = new AbortController();
      const io = capture({ SERVE_TOKEN: TOKEN, HANGAR_CONFIG: 'other.json' }, dir, controller.signal);
      const running = runCli(['serve'], io.io);
      await expect
        .poll(() => /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(io.out())?.[1], { timeout: 10_000 })
        .toBeDefined();
      const stop = () => {
        controller.abort();
        return running;
      };
      return { port: /:(\d+) /.exec(io.out())?.[1] ?? '', stop };
    })();
    const clash = capture({ SERVE_TOKEN: TOKEN }, dir);
    expect(
      await runCli(['serve', '--config', join(dir, 'other.json'), '--port', server.port], clash.io),
    ).toBe(69);
    expect(clash.err()).toContain(`Could not listen on 127.0.0.1:${server.port}`);
    expect(await server.stop()).toBe(0);
  });
});

const config = (triggers: unknown[]) => validConfig({ triggers });

const steps = { type: 'test.steps', params: { count: 1, delayMs: 1 } };

describe('hangar serve with event triggers in its config', () => {
  it('upserts the triggers the config declares when it starts, paused ones paused', async () => {
    await writeFile(
      join(dir, 'hangar.config.json'),
      JSON.stringify(
        config([
          {
            name: 'after-steps',
            on: { type: 'test.steps', customerId: 'acme', states: ['Failed'] },
            job: steps,
          },
          {
            name: 'after-month-end',
            on: {
              type: 'conso.workflow',
              customerId: 'acme',
              states: ['Succeeded'],
              metadata: { workflow: 'month-end' },
            },
            job: steps,
            paused: true,
          },
        ]),
      ),
    );
    const server = await startServe(dir, { SERVE_TOKEN: TOKEN });
    const res = await fetch(`${server.url}/triggers`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { items } = (await res.json()) as { items: { name: string; paused: boolean; on: unknown }[] };
    expect(items.map((i) => [i.name, i.paused])).toEqual([
      ['after-month-end', true],
      ['after-steps', false],
    ]);
    expect(items[0]?.on).toEqual({
      type: 'conso.workflow',
      customerId: 'acme',
      states: ['Succeeded'],
      metadata: { workflow: 'month-end' },
    });
    expect(await server.stop()).toMatchObject({ code: 0 });
  });

  it.each([
    [
      'a state that is no end state',
      { name: 't', on: { type: 'test.steps', states: ['Done'] }, job: steps },
      'triggers.0.on.states.0',
    ],
    [
      'parameters its job type refuses',
      {
        name: 't',
        on: { type: 'test.steps', states: ['Failed'] },
        job: { type: 'test.steps', params: { count: 'x' } },
      },
      'Invalid option "triggers[0]"',
    ],
    [
      'an unknown job type',
      { name: 't', on: { type: 'test.steps', states: ['Failed'] }, job: { type: 'no.such', params: {} } },
      'Invalid option "triggers[0]"',
    ],
  ])('refuses %s, naming the entry, and exits 78', async (_label, trigger, message) => {
    await writeFile(join(dir, 'hangar.config.json'), JSON.stringify(config([trigger])));
    const io = capture({ SERVE_TOKEN: TOKEN }, dir);
    expect(await runCli(['serve'], io.io)).toBe(78);
    expect(io.err()).toContain(message);
  });
});

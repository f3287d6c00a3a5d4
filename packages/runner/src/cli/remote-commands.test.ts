import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, startApi, TOKENS } from '../http/test-fixtures.js';
import { remoteCliKit } from './remote-cli-kit.js';
import { runCli } from './run-cli.js';
import { capture } from './test-kit.js';

const kit = remoteCliKit();
const cli = kit.run;
afterEach(closeAll);

describe('enqueue, status, cancel, list, schedules', () => {
  it('enqueues and prints the id, then shows the job with status', async () => {
    const api = await startApi();
    const enq = await cli(api, ['enqueue', 'math.add', '--params', '{"a": 2, "b": 40}', '--priority', '3']);
    expect(enq).toMatchObject({ code: 0, err: '' });
    const id = enq.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await api.runner.client.waitFor(id, { pollMs: 20 });

    const status = await cli(api, ['status', id], TOKENS.acmeViewer);
    expect(status.code).toBe(0);
    expect(status.out).toContain(`${id}  math.add  Succeeded`);
    expect(status.out).toContain('priority: 3  attempts: 1/3');
    expect(status.out).toContain('progress: Adding 2 and 40 (1/1)');
    expect(status.out).toMatch(/Result:\n {2}\{\n {4}"sum": 42\n {2}\}/);

    const json = await cli(api, ['status', id, '--json', '--lang', 'fr']);
    expect(JSON.parse(json.out)).toMatchObject({
      id,
      state: 'Succeeded',
      progress: { text: 'Addition de 2 et 40' },
    });
  });

  it('lists with state filters and paging, cancels, and lists schedules with their next run', async () => {
    const api = await startApi();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push(
        (await cli(api, ['enqueue', 'math.add', '-p', `{"a":${i},"b":0}`, '--delay', '60000'])).out.trim(),
      );
    }
    const list = await cli(api, ['list', '--state', 'Scheduled', '--limit', '2'], TOKENS.acmeViewer);
    expect(list.code).toBe(0);
    const rows = list.out.trim().split('\n');
    expect(rows[0]).toMatch(/^ID\s+TYPE\s+STATE\s+PROGRESS\s+CREATED$/);
    expect(rows.slice(1).map((r) => r.split(/\s+/)[0])).toEqual([ids[2], ids[1]]);
    expect(list.err).toMatch(/More jobs: hangar list --cursor \S+/);
    const cursor = /--cursor (\S+)/.exec(list.err)?.[1] ?? '';
    const next = await cli(
      api,
      ['list', '--state', 'Scheduled,Succeeded', '--cursor', cursor, '--json'],
      TOKENS.acmeViewer,
    );
    expect((JSON.parse(next.out) as { items: Array<{ id: string }> }).items.map((j) => j.id)).toEqual([
      ids[0],
    ]);

    const cancel = await cli(api, ['cancel', ids[0] ?? '']);
    expect(cancel).toMatchObject({ code: 0, out: `Job ${ids[0]} cancelled; it will not run\n` });
    const again = await cli(api, ['cancel', ids[0] ?? '', '--lang', 'fr']);
    expect(again.out).toBe(`La tâche ${ids[0]} était déjà terminée (Cancelled)\n`);
    expect((await cli(api, ['list', '--state', 'Failed'])).out).toBe('No jobs\n');

    await api.runner.client.schedules.upsert({
      name: 'nightly',
      cron: '0 2 * * *',
      type: 'math.add',
      params: { a: 1, b: 1 },
      options: { customerId: 'acme' },
    });
    const schedules = await cli(api, ['schedules'], TOKENS.acmeViewer);
    expect(schedules.code).toBe(0);
    expect(schedules.out).toMatch(/^NAME\s+CRON\s+TIMEZONE\s+TYPE\s+NEXT RUN\s+LAST RUN\n/);
    expect(schedules.out).toMatch(
      /nightly\s+0 2 \* \* \*\s+UTC\s+math\.add\s+\S+T02:00:00\.000Z \(in \d+[hms]\)\s+-/,
    );
  });
});

describe('enqueue --wait', () => {
  it('prints progress messages as they come, draws the bar on stderr, and exits 0 on Succeeded', async () => {
    const api = await startApi();
    const res = await cli(api, [
      'enqueue',
      'test.steps',
      '--params',
      '{"count":4,"delayMs":10}',
      '--wait',
      '--lang',
      'fr',
    ]);
    expect(res.code).toBe(0);
    const lines = res.out.trim().split('\n');
    expect(lines[0]).toMatch(/^Tâche \S+ mise en file \(test\.steps\)$/);
    expect(lines.slice(1, 6)).toEqual([
      'Étape 1 terminée (1/4)',
      'Étape 2 terminée (2/4)',
      'Étape 3 terminée (3/4)',
      'Étape 4 terminée (4/4)',
      'warning: Presque fini',
    ]);
    expect(lines[6]).toMatch(/^Tâche \S+ réussie$/);
    expect(JSON.parse(lines.slice(7).join('\n'))).toEqual({ steps: 4 });
    // Not a terminal: one bar line per update.
    expect(res.err.trim().split('\n')).toEqual([
      `[${'#'.repeat(8)}${'.'.repeat(22)}]  25% 1/4`,
      `[${'#'.repeat(15)}${'.'.repeat(15)}]  50% 2/4`,
      `[${'#'.repeat(23)}${'.'.repeat(7)}]  75% 3/4`,
      `[${'#'.repeat(30)}] 100% 4/4`,
    ]);
  });

  it('exits 1 on Failed with the rendered errors, and 2 on Cancelled', async () => {
    const api = await startApi();
    const failed = await cli(api, ['enqueue', 'test.fail', '--wait']);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/Job \S+ failed\n {2}JOB_UNRECOVERABLE: Ledger L1 does not exist\n/);

    const waiting = cli(api, ['enqueue', 'test.steps', '-p', '{"count":500,"delayMs":10}', '--wait']);
    await expect
      .poll(async () => (await api.runner.client.list({ states: ['Processing'] })).items.length, {
        interval: 10,
      })
      .toBe(1);
    const [running] = (await api.runner.client.list({ states: ['Processing'] })).items;
    await expect
      .poll(async () => (await api.runner.client.get(running!.id))?.progress?.current ?? 0, { interval: 10 })
      .toBeGreaterThan(0);
    await api.runner.client.cancel(running!.id);
    const cancelled = await waiting;
    expect(cancelled.code).toBe(2);
    expect(cancelled.err).toContain(`Job ${running!.id} was cancelled`);
  });

  it('stops waiting with exit 130 when interrupted, leaving the job running', async () => {
    const api = await startApi();
    const controller = new AbortController();
    const waiting = cli(
      api,
      ['enqueue', 'test.steps', '-p', '{"count":500,"delayMs":10}', '--wait'],
      TOKENS.acmeOperator,
      controller.signal,
    );
    await expect
      .poll(async () => (await api.runner.client.list({ states: ['Processing'] })).items.length, {
        interval: 10,
      })
      .toBe(1);
    controller.abort();
    const res = await waiting;
    expect(res.code).toBe(130);
    expect(res.err).toMatch(/Stopped waiting; job (\S+) goes on \(see: hangar status \1\)/);
  });
});

describe('errors and exit codes', () => {
  it('names the flag of bad JSON and exits 64', async () => {
    const api = await startApi();
    const res = await cli(api, ['enqueue', 'math.add', '--params', '{a: 1}']);
    expect(res.code).toBe(64);
    expect(res.err).toContain('The value of --params is not valid JSON');
    expect((await api.runner.client.list()).items).toHaveLength(0);
  });

  it.each([
    [['enqueue'], 'Missing <type>'],
    [['status'], 'Missing <id>'],
    [['list', '--bogus'], "Unknown option '--bogus'"],
    [['enqueue', 'math.add', '--priority', 'high'], 'The value of --priority must be a whole number'],
  ])('rejects %j with exit 64', async (argv, message) => {
    const api = await startApi();
    const res = await cli(api, argv);
    expect(res.code).toBe(64);
    expect(res.err).toContain(message);
  });

  it('reports the server’s field issues with exit 65', async () => {
    const api = await startApi();
    const res = await cli(api, ['enqueue', 'math.add', '--params', '{"a":"x"}']);
    expect(res.code).toBe(65);
    expect(res.err).toContain('Invalid parameters for job "math.add"');
    expect(res.err).toMatch(/\n {2}- a: .+\n {2}- b: .+/);
    expect((await cli(api, ['enqueue', 'no.such.type'])).code).toBe(65);
  });

  it('exits 77 for a refused token, 64 without one, and 1 for another customer’s job', async () => {
    const api = await startApi();
    const id = (await cli(api, ['enqueue', 'math.add', '-p', '{"a":1,"b":1}'])).out.trim();
    expect((await cli(api, ['status', id], 'wrong-token-wrong-token')).code).toBe(77);
    expect((await cli(api, ['enqueue', 'math.add'], TOKENS.acmeViewer)).code).toBe(77);
    const other = await cli(api, ['status', id], TOKENS.globexOperator);
    expect(other).toMatchObject({ code: 1, err: `hangar: Job ${id} was not found\n` });
    const noToken = capture({ HANGAR_URL: api.url }, kit.cwd);
    expect(await runCli(['list'], noToken.io)).toBe(64);
    expect(noToken.err()).toContain('No API token: pass --token or set HANGAR_TOKEN');
  });

  it('exits 69 when the server cannot be reached, naming the URL', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const c = capture({ HANGAR_TOKEN: TOKENS.acmeOperator }, kit.cwd);
    const code = await runCli(['status', 'x', '--server', `http://127.0.0.1:${port}`], c.io);
    expect(code).toBe(69);
    expect(c.err()).toContain(`Cannot reach the Hangar server at http://127.0.0.1:${port} (ECONNREFUSED)`);
    const bad = capture({ HANGAR_TOKEN: TOKENS.acmeOperator }, kit.cwd);
    expect(await runCli(['status', 'x', '--server', 'ftp://x'], bad.io)).toBe(64);
  });
});

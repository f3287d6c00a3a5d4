import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, startApi, TOKENS } from '../http/test-fixtures.js';
import { remoteCliKit } from './remote-cli-kit.js';

const cli = remoteCliKit().run;
afterEach(closeAll);

describe('hangar schedules create|pause|resume|trigger|delete', () => {
  it('manages a schedule of the caller’s customer from end to end', async () => {
    const api = await startApi();
    const create = await cli(api, [
      'schedules',
      'create',
      'acme-nightly',
      '--cron',
      '0 2 * * *',
      '--type',
      'math.add',
      '--params',
      '{"a": 2, "b": 3}',
      '--timezone',
      'Europe/Paris',
      '--queue',
      'default',
      '--priority',
      '4',
    ]);
    expect(create).toMatchObject({ code: 0, err: '' });
    expect(create.out).toMatch(/^Schedule acme-nightly created; next run \d{4}-\d\d-\d\dT/);
    expect((await api.runner.client.schedules.get('acme-nightly'))?.options).toEqual({
      queue: 'default',
      priority: 4,
      customerId: 'acme',
      userId: 'alice',
    });

    expect(await cli(api, ['schedules', 'pause', 'acme-nightly'])).toMatchObject({
      code: 0,
      out: 'Schedule acme-nightly paused\n',
    });
    const resumed = await cli(api, ['schedules', 'resume', 'acme-nightly', '--lang', 'fr']);
    expect(resumed.out).toMatch(/^Planification acme-nightly reprise ; prochaine exécution /);

    const trigger = await cli(api, ['schedules', 'trigger', 'acme-nightly']);
    expect(trigger.code).toBe(0);
    const job = await api.runner.client.waitFor(trigger.out.trim(), { pollMs: 20 });
    expect(job).toMatchObject({
      state: 'Succeeded',
      customerId: 'acme',
      priority: 4,
      result: { result: { sum: 5 } },
    });

    const list = await cli(api, ['schedules'], TOKENS.acmeViewer);
    expect(list.out).toContain('acme-nightly');
    expect(await cli(api, ['schedules', 'delete', 'acme-nightly'])).toMatchObject({
      code: 0,
      out: 'Schedule acme-nightly deleted\n',
    });
    expect(await api.runner.client.schedules.list()).toEqual([]);
  });

  it('says what is wrong, with the exit code of the refusal', async () => {
    const api = await startApi();
    const noCron = await cli(api, ['schedules', 'create', 'x', '--type', 'math.add']);
    expect(noCron.code).toBe(64);
    expect(noCron.err).toContain('Missing --cron');
    const badCron = await cli(api, [
      'schedules',
      'create',
      'x',
      '--type',
      'math.add',
      '--cron',
      'daily',
      '-p',
      '{"a":1,"b":1}',
    ]);
    expect(badCron.code).toBe(65);
    expect(badCron.err).toContain('cron');
    await cli(api, [
      'schedules',
      'create',
      'acme-only',
      '--type',
      'math.add',
      '--cron',
      '0 2 * * *',
      '-p',
      '{"a":1,"b":1}',
    ]);
    const foreign = await cli(api, ['schedules', 'pause', 'acme-only'], TOKENS.globexOperator);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain('No schedule named "acme-only"');
    const help = await cli(api, ['schedules', '--help']);
    expect(help.out).toContain('Usage: hangar schedules create <name> [options]');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, startApi, TOKENS } from '../http/test-fixtures.js';
import { remoteCliKit } from './remote-cli-kit.js';

const cli = remoteCliKit().run;
afterEach(closeAll);

describe('hangar triggers create|pause|resume|delete', () => {
  it('manages a trigger on the caller’s customer’s jobs from end to end', async () => {
    const api = await startApi();
    const create = await cli(api, [
      'triggers',
      'create',
      'after-month-end',
      '--on',
      'conso.workflow',
      '--states',
      'Succeeded,Failed',
      '--meta',
      'workflow=month-end',
      '--type',
      'math.add',
      '--params',
      '{"a": 2, "b": 3}',
      '--priority',
      '4',
    ]);
    expect(create).toMatchObject({ code: 0, err: '', out: 'Trigger after-month-end created\n' });
    const stored = await api.runner.client.triggers.get('after-month-end');
    expect(stored).toMatchObject({
      on: {
        type: 'conso.workflow',
        customerId: 'acme',
        states: ['Succeeded', 'Failed'],
        metadata: { workflow: 'month-end' },
      },
      job: { type: 'math.add', params: { a: 2, b: 3 }, priority: 4 },
      paused: false,
    });

    expect(await cli(api, ['triggers', 'pause', 'after-month-end'])).toMatchObject({
      code: 0,
      out: 'Trigger after-month-end paused\n',
    });
    expect((await api.runner.client.triggers.get('after-month-end'))?.paused).toBe(true);
    const resumed = await cli(api, ['triggers', 'resume', 'after-month-end', '--lang', 'fr']);
    expect(resumed.out).toMatch(/^Déclencheur after-month-end repris/);

    const list = await cli(api, ['triggers'], TOKENS.acmeViewer);
    expect(list.out).toMatch(
      /after-month-end\s+conso\.workflow \(workflow=month-end\)\s+Succeeded,Failed\s+acme/,
    );
    expect((await cli(api, ['triggers'], TOKENS.globexOperator)).out).toBe('No triggers\n');
    expect(await cli(api, ['triggers', 'delete', 'after-month-end'])).toMatchObject({
      code: 0,
      out: 'Trigger after-month-end deleted\n',
    });
    expect(await api.runner.client.triggers.list()).toEqual([]);
  });

  it('says what is wrong, with the exit code of the refusal', async () => {
    const api = await startApi();
    const noOn = await cli(api, ['triggers', 'create', 'x', '--type', 'math.add']);
    expect(noOn.code).toBe(64);
    expect(noOn.err).toContain('Missing --on');
    const badMeta = await cli(api, [
      'triggers',
      'create',
      'x',
      '--on',
      'a',
      '--type',
      'math.add',
      '--meta',
      'nokey',
    ]);
    expect(badMeta.code).toBe(64);
    expect(badMeta.err).toContain('KEY=VALUE');
    const badState = await cli(api, [
      'triggers',
      'create',
      'x',
      '--on',
      'math.add',
      '--states',
      'Done',
      '--type',
      'math.add',
      '-p',
      '{"a":1,"b":1}',
    ]);
    expect(badState.code).toBe(65);
    expect(badState.err).toContain('on.states');
    const missing = await cli(api, ['triggers', 'pause', 'nope']);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('No trigger named "nope"');
    expect(await api.runner.client.triggers.list()).toEqual([]);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo } from './run-demo.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('consolidation demo', () => {
  it('consolidates the demo group through the month-end workflow into a balanced trial balance', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hangar-demo-'));
    dirs.push(dir);
    const lines: string[] = [];
    const outcome = await runDemo(join(dir, 'demo.sqlite'), 'fr', (l) => lines.push(l));
    expect(outcome.states).toEqual({
      workflow: 'Succeeded',
      ownership: 'Succeeded',
      integration: 'Succeeded',
    });
    expect(outcome.total).toBeCloseTo(0, 2);
    expect(outcome.trialBalance.length).toBeGreaterThan(5);
    const methods = Object.fromEntries(outcome.ownership.map((o) => [o.company, o.method]));
    expect(methods).toMatchObject({ HOLD: 'G', FR1: 'G', US1: 'G', UK1: 'E', JV1: 'P' });
    expect(outcome.trialBalance.some((r) => r.account.length > 0 && r.amount !== 0)).toBe(true);
    // Progress comes from the jobs' translation keys, rendered in French.
    expect(lines.some((l) => /Conso/.test(l))).toBe(true);
  });
});

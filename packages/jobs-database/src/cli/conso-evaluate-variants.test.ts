import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliCommand } from '@hangar/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCase } from '../engine/index.js';
import { expectMatches } from '../engine/testing/expect-matches.js';
import { standardChart } from '../engine/testing/standard-chart.js';
import { createConsoJobsPlugin } from '../plugin/conso-jobs-plugin.js';
import { createTestCliHost } from '../testing/test-host.js';

const command = createConsoJobsPlugin().commands?.find(
  (c) => c.path.join(' ') === 'conso evaluate',
) as CliCommand;
const line = (account: string, amount: number, partner?: string) =>
  partner === undefined ? { account, amount } : { account, amount, partner };
const INV = { type: 'BS', rate: 'NR', role: 'investment' };

/** Inputs in the published format that the published cases do not cover. */
const VARIANTS: Record<string, { step: string; input: Record<string, unknown> }> = {
  'run: holdings instead of percentages, a joint venture, IC at min(k), dividends, rates by company, group journal':
    {
      step: 'ConsolidationRun',
      input: {
        group_currency: 'EUR',
        parent: 'P',
        accounts: standardChart({ INV_J: INV, INV_S: INV }),
        companies: { P: {}, J: {}, S: { currency: 'USD' } },
        holdings: [
          { holder: 'P', held: 'J', fin: 0.5, ctrl: 0.5 },
          { holder: 'P', held: 'S', fin: 0.75, ctrl: 0.75 },
        ],
        rates: { S: { closing: 0.9, average: 0.92 } },
        historical: { S: { SC: { rate: 1.1 }, RE: { amount_gc: -330 } } },
        bundles: {
          P: [
            line('INV_J', 500, 'J'),
            line('INV_S', 900, 'S'),
            line('REC_IC', 100, 'J'),
            line('CASH', 540),
            line('SC', -2000),
            line('DIV_INC', -40, 'J'),
          ],
          J: [
            line('ASSETS', 1300),
            line('PAY_IC', -100, 'P'),
            line('SC', -1000),
            line('RE', -100),
            line('DIV_PAID', 80),
            line('REV', -500),
            line('EXP', 320),
          ],
          S: [
            line('ASSETS', 1800),
            line('LIAB', -300),
            line('SC', -1000),
            line('RE', -300),
            line('REV', -900),
            line('EXP', 700),
          ],
        },
        adjustments: [
          { journal: 'GRP1', company: 'P', currency: 'group', lines: [line('EXP', 25), line('LIAB', -25)] },
        ],
        investments: [
          { holder: 'P', held: 'J', account: 'INV_J', stake: 0.5, acquisition_net_assets_gc: 1000 },
          { holder: 'P', held: 'S', account: 'INV_S', stake: 0.75, acquisition_net_assets_gc: 1100 },
        ],
        ic_rules: [{ name: 'REC_PAY', side_a: ['REC_IC'], side_b: ['PAY_IC'] }],
      },
    },
  'ownership: overrides and no_proportional': {
    step: 'CalculateIndirectPercentages',
    input: {
      parent: 'P',
      companies: ['P', 'A', 'B', 'C', 'D'],
      holdings: [
        { holder: 'P', held: 'A', fin: 0.5, ctrl: 0.5 },
        { holder: 'P', held: 'B', fin: 0.45, ctrl: 0.45 },
        { holder: 'B', held: 'C', fin: 0.9, ctrl: 0.9 },
        { holder: 'A', held: 'D', pct: 0.3 },
        { holder: 'D', held: 'A', pct: 0.1 },
      ],
      options: { no_proportional: true },
      overrides: { B: { method: 'G' }, C: { interest: 0.5 } },
    },
  },
  'linked: two companies, a closing flow and movements': {
    step: 'LinkedCategories',
    input: {
      link: {
        source: { period: '2023.12', category: 'ACT' },
        target: { period: '2024.12', category: 'BUD' },
        mode: 'closing_to_opening',
        retained_earnings_account: 'RE',
        opening_flow: 'F00',
      },
      accounts: { CASH: { type: 'BS' }, SC: { type: 'EQ' }, RE: { type: 'EQ' }, REV: { type: 'PL' } },
      source_data: {
        A: [
          { account: 'CASH', amount: 100, flow: 'F00' },
          { account: 'CASH', amount: 50, flow: 'F20' },
          line('SC', -100),
          line('REV', -50),
        ],
        B: [line('CASH', 10), line('RE', -10)],
      },
    },
  },
  'flows: named opening flow and a stated closing flow': {
    step: 'Bundles.translation_of_flows',
    input: {
      account: 'PPE',
      rates: { opening_rate: 1.2, average: 1.1, closing: 1.05 },
      opening_flow: 'F00',
      flows_lc: { F00: 1000, F20: 300, F30: -120, CLOSING: 1180 },
    },
  },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'conso-variants-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hangar conso evaluate on inputs beyond the published cases', () => {
  it.each(Object.entries(VARIANTS))('%s: same output as evaluateCase', async (name, variant) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    await writeFile(file, JSON.stringify({ id: name, ...variant }));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (b: Buffer) => (out += b.toString()));
    stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await command.run([file], { stdout, stderr, host: createTestCliHost() });
    expect(err).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(out) as Record<string, unknown>;
    const engine = evaluateCase(variant);
    const tolerance = variant.step === 'CalculateIndirectPercentages' ? 1e-9 : 0.005;
    expectMatches(output, engine, tolerance);
    expectMatches(engine, output, tolerance);
  });
});

describe('hangar conso evaluate on fields the database model cannot hold', () => {
  it('evaluates a case with line-level group-currency amounts through the engine and says so', async () => {
    const variant = {
      step: 'ConsolidationRun',
      input: {
        group_currency: 'EUR',
        parent: 'P',
        accounts: standardChart({ INV_S: INV }),
        companies: { P: {}, S: { currency: 'USD' } },
        holdings: [{ holder: 'P', held: 'S', fin: 0.8, ctrl: 0.8 }],
        rates: { S: { closing: 0.9, average: 0.92 } },
        bundles: {
          P: [line('INV_S', 700, 'S'), line('CASH', 300), line('SC', -1000)],
          S: [
            line('ASSETS', 1200),
            { account: 'SC', amount: -1000, amount_gc: -800 },
            line('REV', -500),
            line('EXP', 300),
          ],
        },
        investments: [
          { holder: 'P', held: 'S', account: 'INV_S', stake: 0.8, acquisition_net_assets_gc: 800 },
        ],
      },
    };
    const file = join(dir, 'line-level-amount-gc.json');
    await writeFile(file, JSON.stringify({ id: 'line-level', ...variant }));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (b: Buffer) => (out += b.toString()));
    stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await command.run([file], { stdout, stderr, host: createTestCliHost() });
    expect(code).toBe(0);
    expect(err).toMatch(
      /amount_gc has no column in the database model; evaluated by the consolidation engine directly/,
    );
    expectMatches(JSON.parse(out) as Record<string, unknown>, evaluateCase(variant), 0.005);
  });
});

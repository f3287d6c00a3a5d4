import { describe, expect, it } from 'vitest';
import { CaseReader } from './case-reader.js';
import { type ConsolidationRunResult, runConsolidation } from './consolidation-run.js';
import { evaluateCase } from './evaluate-case.js';
import { parseRunInput } from './parse-run-case.js';
import { expectMatches } from './testing/expect-matches.js';
import { expectRunInvariants } from './testing/run-invariants.js';
import { standardChart } from './testing/standard-chart.js';

const line = (account: string, amount: number, partner?: string) =>
  partner === undefined ? { account, amount } : { account, amount, partner };

/** Runs a case-format input, asserts the invariants and returns the run. */
function consolidate(input: Record<string, unknown>): ConsolidationRunResult {
  const parsed = parseRunInput(new CaseReader(input, 'input'));
  const result = runConsolidation(parsed);
  expectRunInvariants(parsed, result);
  return result;
}

function tbOf(input: Record<string, unknown>): Record<string, unknown> {
  return evaluateCase({ step: 'ConsolidationRun', input }).consolidated_tb as Record<string, unknown>;
}

const INV = { type: 'BS', rate: 'NR', role: 'investment' };

describe('runConsolidation on constructed groups', () => {
  it('consolidates a 50% joint venture proportionally, eliminating IC at min(k)', () => {
    const input = {
      group_currency: 'EUR',
      parent: 'P',
      accounts: standardChart({ INV_J: INV }),
      companies: {
        P: { method: 'G', group_pct: 1, minority_pct: 0, integration_pct: 1 },
        J: { method: 'P', group_pct: 0.5, minority_pct: 0, integration_pct: 0.5 },
      },
      bundles: {
        P: [
          line('INV_J', 500, 'J'),
          line('REC_IC', 100, 'J'),
          line('CASH', 1440),
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
      },
      investments: [
        { holder: 'P', held: 'J', account: 'INV_J', stake: 0.5, acquisition_net_assets_gc: 1000 },
      ],
      ic_rules: [{ name: 'REC_PAY', side_a: ['REC_IC'], side_b: ['PAY_IC'], diff_account: 'ICDIFF_BS' }],
    };
    const result = consolidate(input);
    expectMatches(
      tbOf(input),
      { CASH: 1440, ASSETS: 650, REC_IC: 50, SC: -2000, CONSO_RES: -50, REV: -250, EXP: 160 },
      0.005,
      'consolidated_tb',
    );
    expect(result.icEliminationEntries.map((e) => [e.account, e.amount])).toEqual([
      ['REC_IC', -50],
      ['PAY_IC', 50],
    ]);
    expect(result.result.group).toBeCloseTo(90, 9);
  });

  it('consolidates an associate that holds part of a subsidiary', () => {
    const input = {
      group_currency: 'EUR',
      parent: 'P',
      accounts: standardChart({ INV_A: INV, INV_S: INV }),
      companies: {
        P: { method: 'G', group_pct: 1, minority_pct: 0, integration_pct: 1 },
        A: { method: 'E', group_pct: 0.3, minority_pct: 0, integration_pct: 0.3 },
        S: { method: 'G', group_pct: 0.67, minority_pct: 0.33, integration_pct: 1 },
      },
      bundles: {
        P: [line('INV_A', 300, 'A'), line('INV_S', 550, 'S'), line('CASH', 150), line('SC', -1000)],
        A: [line('INV_S', 400, 'S'), line('CASH', 600), line('SC', -1000)],
        S: [line('ASSETS', 1200), line('SC', -1000), line('REV', -500), line('EXP', 300)],
      },
      investments: [
        { holder: 'P', held: 'A', account: 'INV_A', stake: 0.3, acquisition_net_assets_gc: 1000 },
        { holder: 'P', held: 'S', account: 'INV_S', stake: 0.55, acquisition_net_assets_gc: 1000 },
        { holder: 'A', held: 'S', account: 'INV_S', stake: 0.4, acquisition_net_assets_gc: 1000 },
      ],
    };
    const result = consolidate(input);
    // A's share of S comes in through S's full consolidation; its cost (30% × 400) leaves through the investment line.
    expectMatches(
      tbOf(input),
      {
        CASH: 150,
        ASSETS: 1200,
        INV_S: -120,
        EQUITY_VALUE: 300,
        SC: -1000,
        NCI: -396,
        REV: -500,
        EXP: 300,
        NCI_PL: 66,
      },
      0.005,
      'consolidated_tb',
    );
    expect(result.consoReservesByCompany.get('S')).toBeCloseTo(0, 9);
    expect(result.result.group).toBeCloseTo(134, 9);
  });

  it('translates an equity-accounted foreign company and keeps the group share of its CTA', () => {
    const input = {
      group_currency: 'EUR',
      parent: 'P',
      accounts: standardChart({ INV_B: INV }),
      companies: {
        P: { currency: 'EUR', method: 'G', group_pct: 1, minority_pct: 0, integration_pct: 1 },
        B: { currency: 'USD', method: 'E', group_pct: 0.4, minority_pct: 0, integration_pct: 0.4 },
      },
      rates: { USD: { closing: 1.2, average: 1.1 } },
      historical: { B: { SC: { rate: 1.0 } } },
      bundles: {
        P: [line('INV_B', 240, 'B'), line('CASH', 760), line('SC', -1000)],
        B: [line('ASSETS', 1000), line('SC', -600), line('REV', -400)],
      },
      investments: [{ holder: 'P', held: 'B', account: 'INV_B', stake: 0.4, acquisition_net_assets_gc: 600 }],
    };
    consolidate(input);
    const output = evaluateCase({ step: 'ConsolidationRun', input });
    expectMatches(
      output.translated_bundles,
      { B: { ASSETS: 1200, SC: -600, REV: -440, CTA: -160 } },
      0.005,
      'tb',
    );
    expectMatches(
      output.consolidated_tb,
      { CASH: 760, SC: -1000, EQUITY_VALUE: 480, SHARE_EQM: -176, CTA: -64 },
      0.005,
      'consolidated_tb',
    );
  });

  it('computes percentages from holdings and charges NCI with its share of a holder’s investment', () => {
    const input = {
      group_currency: 'EUR',
      parent: 'P',
      accounts: standardChart({ INV_A: INV, INV_B: INV }),
      companies: { P: {}, A: {}, B: {} },
      holdings: [
        { holder: 'P', held: 'A', fin: 0.8, ctrl: 0.8 },
        { holder: 'A', held: 'B', fin: 0.6, ctrl: 0.6 },
      ],
      bundles: {
        P: [line('INV_A', 800, 'A'), line('CASH', 200), line('SC', -1000)],
        A: [line('INV_B', 600, 'B'), line('CASH', 400), line('SC', -1000)],
        B: [line('CASH', 1000), line('SC', -1000)],
      },
      investments: [
        { holder: 'P', held: 'A', account: 'INV_A', stake: 0.8, acquisition_net_assets_gc: 1000 },
        { holder: 'A', held: 'B', account: 'INV_B', stake: 0.6, acquisition_net_assets_gc: 1000 },
      ],
    };
    consolidate(input);
    // NCI = 20% of A's cash (80) + 40% of B (400) + A's minorities' 20% × 60% of B (120).
    expectMatches(tbOf(input), { CASH: 1600, SC: -1000, NCI: -600 }, 0.005, 'consolidated_tb');
  });

  it('moves an intra-group dividend from result into consolidated reserves', () => {
    const input = {
      group_currency: 'EUR',
      parent: 'P',
      accounts: standardChart({ INV_S: INV }),
      companies: {
        P: { method: 'G', group_pct: 1, minority_pct: 0, integration_pct: 1 },
        S: { method: 'G', group_pct: 0.8, minority_pct: 0.2, integration_pct: 1 },
      },
      bundles: {
        P: [line('INV_S', 800, 'S'), line('CASH', 280), line('SC', -1000), line('DIV_INC', -80, 'S')],
        S: [
          line('CASH', 1100),
          line('SC', -1000),
          line('DIV_PAID', 100),
          line('REV', -300),
          line('EXP', 100),
        ],
      },
      investments: [
        { holder: 'P', held: 'S', account: 'INV_S', stake: 0.8, acquisition_net_assets_gc: 1000 },
      ],
    };
    const result = consolidate(input);
    // Minorities got 20 in cash, so NCI = 20% × (1000 − 100 + 200) = 220; the group's 80 returns to CONSO_RES.
    expectMatches(
      tbOf(input),
      { CASH: 1380, SC: -1000, NCI: -220, REV: -300, EXP: 100, NCI_PL: 40 },
      0.005,
      'consolidated_tb',
    );
    expect(result.consoReservesByCompany.get('S')).toBeCloseTo(0, 9);
    expect(result.result.group).toBeCloseTo(160, 9);
  });

  it('gives a group-currency company no CTA and carries HC amounts in group currency', () => {
    const input = {
      group_currency: 'EUR',
      parent: 'P',
      accounts: standardChart(),
      companies: {
        P: { currency: 'EUR', method: 'G', group_pct: 1 },
        F: { currency: 'USD', method: 'G', group_pct: 1 },
      },
      rates: { USD: { closing: 2, average: 2.5 } },
      historical: { F: { SC: { rate: 1.5 }, RE: { amount_gc: -330 } } },
      bundles: {
        P: [line('CASH', 100), line('SC', -100)],
        F: [line('CASH', 500), line('SC', -200), line('RE', -200), line('REV', -100)],
      },
    };
    const output = evaluateCase({ step: 'ConsolidationRun', input });
    expect(output.translated_bundles).toEqual({
      P: { CASH: 100, SC: -100 },
      F: { CASH: 1000, SC: -300, RE: -330, REV: -250, CTA: -120 },
    });
    consolidate(input);
  });

  it('keeps group-currency journals untranslated and without a CTA plug', () => {
    const input = {
      group_currency: 'EUR',
      parent: 'P',
      accounts: standardChart(),
      companies: {
        P: { currency: 'EUR', method: 'G', group_pct: 1 },
        F: { currency: 'USD', method: 'G', group_pct: 1 },
      },
      rates: { USD: { closing: 2, average: 2.5 } },
      bundles: { P: [line('CASH', 100), line('SC', -100)], F: [line('CASH', 10), line('SC', -10)] },
      adjustments: [
        { journal: 'G1', company: 'F', currency: 'group', lines: [line('EXP', 7), line('CASH', -7)] },
        { journal: 'L1', company: 'F', currency: 'local', lines: [line('EXP', 4), line('CASH', -4)] },
      ],
    };
    const output = evaluateCase({ step: 'ConsolidationRun', input });
    expect(output.translated_adjustments).toEqual({
      G1: { EXP: 7, CASH: -7 },
      L1: { EXP: 10, CASH: -8, CTA: -2 },
    });
    consolidate(input);
  });
});

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleBalances, codesToIds } from '@hangar/conso-db';
import { testBackends } from '@hangar/jobs-importexport/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunnerFixture, type RunnerFixture } from '../testing/runner-fixture.js';
import { saveValidationRule } from '../validation/validation-rules.js';
import type { ValidationReportResult } from './validation-report-job.js';

const backends = await testBackends();

type Row = (string | number | null)[];

async function readWorkbook(fx: RunnerFixture, location: string): Promise<Record<string, Row[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(fx.store.pathOf(location));
  const sheets: Record<string, Row[]> = {};
  workbook.eachSheet((sheet) => {
    const rows: Row[] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values: Row = Array.from(
        (row.values as unknown[]).slice(1),
        (v) => (v ?? null) as string | number | null,
      );
      while (values.length > 0 && values.at(-1) === null) values.pop();
      rows.push(values);
    });
    sheets[sheet.name] = rows;
  });
  return sheets;
}

describe.each(backends)('ValidationReportJob on $kind', ({ kind, skipReason }) => {
  let fx: RunnerFixture;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openRunnerFixture(kind);
    const { db } = fx.test.consoDb;
    const { customerId, periodId, categoryId } = fx.demo;
    const companies = new Map(await codesToIds(db, 'companies', customerId));
    const accounts = new Map(await codesToIds(db, 'accounts', customerId));
    const flows = new Map(await codesToIds(db, 'flows', customerId));
    const row = (company: string, account: string, flow: string | null, amount: number) => ({
      company_id: companies.get(company)!,
      period_id: periodId,
      category_id: categoryId,
      account_id: accounts.get(account)!,
      partner_company_id: null,
      flow_id: flow === null ? null : flows.get(flow)!,
      dimension: null,
      amount,
    });
    // FR1 books its result in equity (balanced); US1 gets an unbalanced line of 250.75.
    await db
      .insertInto('bundles')
      .values([
        row('FR1', '3100', 'F20', -30_000),
        row('FR1', '1000', 'F20', 30_000),
        row('US1', '1200', 'F20', 250.75),
      ])
      .execute();
    await saveValidationRule(db, customerId, {
      code: 'RESULT',
      name: 'Result in equity = result in P&L',
      left: { roles: ['retained_earnings'], flows: ['F20'] },
      right: { types: ['PL'] },
      operator: 'equal',
      blocking: true,
    });
    await saveValidationRule(db, customerId, {
      code: 'OFF',
      name: 'Disabled rule',
      left: { accounts: ['1000'] },
      enabled: false,
    });
  }, 120_000);
  afterAll(async () => fx?.close());

  it.skipIf(skipReason)('writes the summary and every failure, and returns the counts', async () => {
    const job = await fx.run('other.validation-report', { conso: '202312ACT001' }, { customerId: 'DEMO' });
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    const result = job.result?.result as ValidationReportResult;
    expect(result.rules.map((r) => [r.rule, r.kind, r.checks, r.failures, r.blocking])).toEqual([
      ['BALANCE', 'balance', 5, 1, true],
      ['IC-BAL', 'intercompany', 1, 1, false],
      ['IC-PL', 'intercompany', 1, 0, false],
      ['RESULT', 'relation', 5, 4, true],
    ]);
    expect(result).toMatchObject({ companies: 5, checks: 12, failures: 6, blockingFailures: 5 });
    expect(job.result?.outputFiles).toEqual([result.file]);
    expect(result.file.name).toBe('validation-202312ACT001.xlsx');

    const sheets = await readWorkbook(fx, result.file.location);
    expect(Object.keys(sheets)).toEqual(['Summary', 'Failures']);
    expect(sheets.Summary!.slice(0, 7)).toEqual([
      ['Conso', '202312ACT001'],
      ['Period', '202312'],
      ['Category', 'ACT'],
      ['Companies', 5],
      ['Checks', 12],
      ['Failures', 6],
      ['Blocking failures', 5],
    ]);
    expect(sheets.Summary![9]).toEqual(['BALANCE', 'Debits equal credits', 'Balance', 5, 1, 'yes']);
    expect(sheets.Summary![12]).toEqual([
      'RESULT',
      'Result in equity = result in P&L',
      'Account relation',
      5,
      4,
      'yes',
    ]);
    expect(sheets.Failures).toEqual([
      ['Company', 'Partner', 'Rule', 'Kind', 'Expected', 'Actual', 'Difference', 'Blocking', 'Note'],
      ['US1', null, 'BALANCE', 'Balance', 0, 250.75, 250.75, 'yes'],
      // HOLD's receivable on FR1 is 1,500 more than FR1's payable (tolerance 10).
      ['HOLD', 'FR1', 'IC-BAL', 'Intercompany', 118_500, 120_000, 1_500, 'no'],
      // P&L result of each company (credit negative); only FR1 books it in equity.
      ['HOLD', null, 'RESULT', 'Account relation', -70_000, 0, 70_000, 'yes'],
      ['JV1', null, 'RESULT', 'Account relation', -50_000, 0, 50_000, 'yes'],
      ['UK1', null, 'RESULT', 'Account relation', -100_000, 0, 100_000, 'yes'],
      ['US1', null, 'RESULT', 'Account relation', -300_000, 0, 300_000, 'yes'],
    ]);
    const log = await fx.runner.client.getLog(job.id);
    const rendered = log.map((e) => fx.runner.registry.translator.render(e.message, 'fr'));
    expect(rendered).toContain('Intragroupe : 2 contrôles, 1 anomalies');
    expect(rendered.at(-1)).toBe('validation-202312ACT001.xlsx écrit : 6 anomalies, dont 5 bloquantes');
  });

  it.skipIf(skipReason)('limits the run to some companies, kinds and rules, labelled in French', async () => {
    const job = await fx.run(
      'other.validation-report',
      {
        conso: '202312ACT001',
        companies: ['US1', 'FR1'],
        checks: ['balance', 'relation'],
        rules: ['RESULT'],
        language: 'fr',
        fileName: 'controle.xlsx',
      },
      { customerId: 'DEMO' },
    );
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    const result = job.result?.result as ValidationReportResult;
    expect(result).toMatchObject({ companies: 2, checks: 4, failures: 2 });
    const sheets = await readWorkbook(fx, result.file.location);
    expect(Object.keys(sheets)).toEqual(['Synthèse', 'Anomalies']);
    expect(sheets.Anomalies!.map((r) => r.slice(0, 3))).toEqual([
      ['Société', 'Partenaire', 'Règle'],
      ['US1', null, 'BALANCE'],
      ['US1', null, 'RESULT'],
    ]);
  });

  it.skipIf(skipReason)('refuses a broken rule or an unknown conso before writing any file', async () => {
    const exportsDir = join(fx.store.root, 'exports');
    const before = await readdir(exportsDir).catch(() => []);
    await fx.test.consoDb.db
      .insertInto('validation_rules')
      .values({
        customer_id: fx.demo.customerId,
        code: 'BROKEN',
        name: 'Unknown account',
        left_selector: '{"accounts":["9999"]}',
        right_selector: null,
        operator: 'equal',
        tolerance: 0,
      })
      .execute();
    try {
      const broken = await fx.run(
        'other.validation-report',
        { conso: '202312ACT001' },
        { customerId: 'DEMO' },
      );
      expect(broken.state).toBe('Failed');
      expect(broken.errorInfo?.[0]).toMatchObject({
        code: 'VALIDATION_RULE_INVALID',
        params: { rule: 'BROKEN', problem: 'left selector: unknown account "9999"' },
      });
      const unknown = await fx.run(
        'other.validation-report',
        { conso: '209912ACT001' },
        { customerId: 'DEMO' },
      );
      expect(unknown.errorInfo?.[0]).toMatchObject({ code: 'SCOPE_NOT_FOUND', params: { param: 'conso' } });
      await expect(
        fx.runner.client.enqueue('other.validation-report', { conso: '202312ACT001', checks: ['nope'] }),
      ).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
      expect(await readdir(exportsDir).catch(() => [])).toEqual(before);
    } finally {
      await fx.test.consoDb.db.deleteFrom('validation_rules').where('code', '=', 'BROKEN').execute();
    }
  });

  it.skipIf(skipReason)('reads only: the bundles are unchanged', async () => {
    const where = { periodId: fx.demo.periodId, categoryId: fx.demo.categoryId };
    const before = await bundleBalances(fx.test.consoDb.db, where);
    const job = await fx.run('other.validation-report', { conso: fx.demo.consoId }, { customerId: 'DEMO' });
    expect(job.state).toBe('Succeeded');
    expect(await bundleBalances(fx.test.consoDb.db, where)).toEqual(before);
  });
});

describe.each(backends)('ValidationReportJob intercompany currencies on $kind', ({ kind, skipReason }) => {
  let fx: RunnerFixture;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openRunnerFixture(kind);
    const { db } = fx.test.consoDb;
    const { customerId, periodId, categoryId } = fx.demo;
    const companies = new Map(await codesToIds(db, 'companies', customerId));
    const accounts = new Map(await codesToIds(db, 'accounts', customerId));
    const flows = new Map(await codesToIds(db, 'flows', customerId));
    const row = (company: string, account: string, partner: string, amount: number) => ({
      company_id: companies.get(company)!,
      period_id: periodId,
      category_id: categoryId,
      account_id: accounts.get(account)!,
      partner_company_id: companies.get(partner)!,
      flow_id: flows.get('F20')!,
      dimension: null,
      amount,
    });
    await db
      .insertInto('bundles')
      .values([
        // 100,000 USD at the closing rate 0.905 offset HOLD's 90,500 EUR exactly.
        row('HOLD', '1400', 'US1', 90_500),
        row('US1', '4400', 'HOLD', -100_000),
        // UK1 reports in GBP, whose closing rate is removed below.
        row('HOLD', '1400', 'UK1', 1_150),
        row('UK1', '4400', 'HOLD', -1_000),
      ])
      .execute();
    await db
      .deleteFrom('exchange_rates')
      .where('period_id', '=', periodId)
      .where('category_id', '=', categoryId)
      .where('currency', '=', 'GBP')
      .execute();
  }, 120_000);
  afterAll(async () => fx?.close());

  it.skipIf(skipReason)('compares partners in the reference currency and flags a missing rate', async () => {
    const job = await fx.run(
      'other.validation-report',
      { conso: '202312ACT001', checks: ['intercompany'] },
      { customerId: 'DEMO' },
    );
    expect(job.state, JSON.stringify(job.errorInfo)).toBe('Succeeded');
    const result = job.result?.result as ValidationReportResult;
    expect(result.rules.map((r) => [r.rule, r.checks, r.failures])).toEqual([
      ['IC-BAL', 3, 2],
      ['IC-PL', 1, 0],
    ]);
    const sheets = await readWorkbook(fx, result.file.location);
    expect(sheets.Failures!.slice(1)).toEqual([
      ['HOLD', 'FR1', 'IC-BAL', 'Intercompany', 118_500, 120_000, 1_500, 'no'],
      [
        'HOLD',
        'UK1',
        'IC-BAL',
        'Intercompany',
        1_000,
        1_150,
        150,
        'no',
        'No closing rate for the currency: converted at 1',
      ],
    ]);
  });
});

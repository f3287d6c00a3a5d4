import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportValidationError } from '../errors/import-validation-error.js';
import { bundleSnapshot } from '../testing/bundle-snapshot.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { importPaths, recordingContext } from '../testing/test-context.js';
import { testBackends } from '../testing/test-databases.js';
import { importDataJob } from './import-data-job.js';

const backends = await testBackends();
const HEADER = 'company,account,partner,flow,dimension,amount';

// The same files on both backends: PostgreSQL reads them through COPY (or falls back), SQLite
// streams them; every outcome must be the same.
describe.each(backends)('data import through COPY or the stream on $kind', ({ kind, skipReason }) => {
  let fx: DemoFixture;
  let periodId: number;
  let categoryId: number;
  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture(kind);
    const db = fx.test.consoDb.db;
    periodId = (
      await db.selectFrom('periods').select('id').where('code', '=', '202212').executeTakeFirstOrThrow()
    ).id;
    categoryId = (
      await db.selectFrom('categories').select('id').where('code', '=', 'BUD').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await fx?.test.cleanup();
  });
  beforeEach(async () => {
    if (!skipReason)
      await fx.test.consoDb.db.deleteFrom('bundles').where('period_id', '=', periodId).execute();
  });

  const copyOr = (reason?: string) =>
    kind === 'sqlite' ? ['stream'] : reason === undefined ? ['copy'] : [`copy (${reason})`, 'stream'];
  const snapshot = () => bundleSnapshot(fx.test.consoDb, periodId, categoryId);
  async function importFile(content: string | Buffer, params: Record<string, unknown> = {}) {
    await writeFile(join(fx.store.root, 'in.csv'), content);
    const ctx = recordingContext(fx.services);
    const outcome = await importDataJob
      .create(fx.services)
      .execute(
        importDataJob.params.parse({
          customer: 'DEMO',
          period: '202212',
          category: 'BUD',
          file: 'in.csv',
          ...params,
        }),
        ctx,
      )
      .catch((error: unknown) => error as ImportValidationError);
    return { outcome, paths: importPaths(ctx) };
  }
  const errorsOf = (outcome: unknown) =>
    (outcome as ImportValidationError).errorInfo
      .slice(1)
      .map((entry) => [entry.params.row, entry.params.column, entry.code, entry.params.value]);

  it.skipIf(skipReason)('loads codes, partners, exponents and empty cells', async () => {
    const lines = [
      HEADER,
      'FR1,1000,US1,F20,D1,100.25',
      'FR1,1200,,F20,D1,-100.25',
      'US1,1000,,,,1e2',
      'US1,4000,,,,-100',
    ];
    const { outcome, paths: read } = await importFile(`${lines.join('\n')}\n`);
    expect(read).toEqual(copyOr());
    expect(outcome).toMatchObject({ rowsRead: 4, inserted: 4, deleted: 0 });
    expect(await snapshot()).toEqual([
      'FR1|1000|US1|F20|D1|100.25',
      'FR1|1200||F20|D1|-100.25',
      'US1|1000||||100',
      'US1|4000||||-100',
    ]);
  });

  it.skipIf(skipReason)('trims and unquotes cells as the streaming reader does', async () => {
    const lines = [
      '\uFEFF Company ,ACCOUNT,Flow,remark,dimension,comment,amount',
      '"FR1", 1000 ,F20,x,"a, ""quoted"" dim",c1,"12.50"',
      '\u00a0FR1\u3000,1200,"",x,"a, ""quoted"" dim",c2,-12.5',
      'US1,1000,, x ,Zoné,,\t7',
      'US1,1200,,,"  Zoné  ",,-7',
    ];
    const { outcome, paths: read } = await importFile(`${lines.join('\r\n')}\r\n`);
    expect(read).toEqual(copyOr());
    expect(outcome).toMatchObject({ inserted: 4 });
    expect(await snapshot()).toEqual([
      'FR1|1000||F20|a, "quoted" dim|12.5',
      'FR1|1200|||a, "quoted" dim|-12.5',
      'US1|1000|||Zoné|7',
      'US1|1200|||Zoné|-7',
    ]);
  });

  it.skipIf(skipReason)('reads semicolons, latin1, decimal commas and a thousands separator', async () => {
    const content = Buffer.from(
      'company;account;amount;dimension\nFR1;1000;1.234,5;Région\nFR1;1200;-1.234,5;Région\n',
      'latin1',
    );
    const csv = { delimiter: ';', encoding: 'latin1', decimalComma: true, thousandsSeparator: '.' };
    const { outcome, paths: read } = await importFile(content, { csv });
    expect(read).toEqual(copyOr());
    expect(outcome).toMatchObject({ inserted: 2 });
    expect(await snapshot()).toEqual(['FR1|1000|||Région|1234.5', 'FR1|1200|||Région|-1234.5']);
  });

  it.skipIf(skipReason)('reports every invalid cell with its row, column and value', async () => {
    const lines = [
      HEADER,
      'FR1,1000,,F20,ok,1000000000000000.05',
      'US1,1000,,F20,,1',
      ',A,,,,NaN',
      'FR1,1000,ZZ,F99,,1e400',
      `FR1,1000,,,${'😀'.repeat(26)},1000000000000000.07`,
      `FR1,1200,,,${'é'.repeat(50)},`,
    ];
    const { outcome, paths: read } = await importFile(`${lines.join('\n')}\n`, {
      companies: ['FR1'],
      requireBalanced: false,
    });
    expect(read).toEqual(copyOr());
    expect(errorsOf(outcome)).toEqual([
      [3, 'company', 'IMPORT_OUT_OF_SCOPE', 'US1'],
      [4, 'company', 'IMPORT_VALUE_REQUIRED', null],
      [4, 'account', 'IMPORT_SUMMARY_ACCOUNT', 'A'],
      [4, 'amount', 'IMPORT_NOT_NUMERIC', 'NaN'],
      [5, 'partner', 'IMPORT_UNKNOWN_CODE', 'ZZ'],
      [5, 'amount', 'IMPORT_NOT_NUMERIC', '1e400'],
      [6, 'dimension', 'IMPORT_INVALID_VALUE', '😀'.repeat(26)],
      [6, 'amount', 'IMPORT_OUT_OF_RANGE', '1000000000000000.07'],
      [7, 'amount', 'IMPORT_VALUE_REQUIRED', null],
    ]);
    expect(await snapshot()).toEqual([]);
  });

  it.skipIf(skipReason)('stops at maxErrors, in file order', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `FR1,9${i},,,,1`);
    const { outcome, paths: read } = await importFile(`${HEADER}\n${rows.join('\n')}\n`, { maxErrors: 5 });
    expect(read).toEqual(copyOr());
    expect((outcome as ImportValidationError).key).toBe('importexport.error.validationTruncated');
    expect(errorsOf(outcome).map(([row]) => row)).toEqual([2, 3, 4, 5, 6]);
  });

  it.skipIf(skipReason)('balances in cents rounded half up, as JavaScript rounds them', async () => {
    const { outcome } = await importFile(`${HEADER}\nFR1,1000,,,,0.125\nFR1,1200,,,,-0.125\n`);
    expect(
      (outcome as ImportValidationError).errorInfo.slice(1).map((e) => [e.code, e.params.total]),
    ).toEqual([['IMPORT_UNBALANCED', 0.01]]);
  });

  it.skipIf(skipReason)('reports duplicate keys with the row they repeat', async () => {
    const lines = [
      HEADER,
      'FR1,1000,,F20,,10',
      'FR1,1200,,F20,,-10',
      'FR1,1000,,F20,,10',
      'FR1,1000,,F20,,-10',
    ];
    const { outcome, paths: read } = await importFile(`${lines.join('\n')}\n`);
    expect(read).toEqual(copyOr());
    expect(
      (outcome as ImportValidationError).errorInfo.slice(1).map((e) => [e.params.row, e.params.firstRow]),
    ).toEqual([
      [4, 2],
      [5, 2],
    ]);
  });

  it.skipIf(skipReason)('streams a file whose quoted cells span lines, numbering rows by line', async () => {
    const content = `${HEADER}\nFR1,1000,,F20,"two\nlines",5\nFR1,1200,,F20,x,-5\nXX,1000,,,,1\n`;
    const { outcome, paths: read } = await importFile(content);
    expect(read).toEqual(copyOr('quotedLineBreak'));
    expect(errorsOf(outcome)).toEqual([[5, 'company', 'IMPORT_UNKNOWN_CODE', 'XX']]);
  });

  it.skipIf(skipReason)('streams a file with empty lines, short rows or bare carriage returns', async () => {
    const empty = await importFile(`${HEADER}\nFR1,1000,,,,1\n\nXX,1200,,,,-1\n`);
    expect(empty.paths).toEqual(copyOr('emptyLine'));
    expect(errorsOf(empty.outcome)).toEqual([[4, 'company', 'IMPORT_UNKNOWN_CODE', 'XX']]);
    const short = await importFile(`${HEADER}\nFR1,1000,,,,1\nFR1,1200\n`);
    expect(short.paths).toEqual(copyOr('raggedRow'));
    // A short row is not read with its missing fields taken as empty: it is reported as such.
    expect(errorsOf(short.outcome)).toEqual([[3, 'partner', 'IMPORT_FIELD_COUNT', null]]);
    const marker = await importFile(`${HEADER}\nFR1,1000,,,,1\n\\.\nFR1,1200,,,,-1\n`);
    expect(marker.paths).toEqual(copyOr('raggedRow'));
    expect(errorsOf(marker.outcome)[0]).toEqual([3, 'account', 'IMPORT_FIELD_COUNT', null]);
    const cr = await importFile(`${HEADER}\rFR1,1000,,,,1\rFR1,1200,,,,-1\r`);
    expect(cr.paths).toEqual(copyOr('bareCarriageReturn'));
    expect(cr.outcome).toMatchObject({ inserted: 2 });
  });

  it.skipIf(skipReason)('streams a file COPY refuses or a number its cast refuses', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\nFR1,1000,,,D`),
      Buffer.from([0xff]),
      Buffer.from(',1\nFR1,1200,,,D,-1\n'),
    ]);
    const invalidUtf8 = await importFile(bytes);
    expect(invalidUtf8.paths).toEqual(copyOr('rejectedByCopy'));
    expect(await snapshot()).toContain('FR1|1000|||D\uFFFD|1');
    const number = await importFile(`${HEADER}\nFR1,1000,,,,1.2.3\nFR1,1200,,,,-1\n`);
    expect(number.paths).toEqual(copyOr('rejectedBySql'));
    expect(errorsOf(number.outcome)).toEqual([[2, 'amount', 'IMPORT_NOT_NUMERIC', '1.2.3']]);
  });

  it.skipIf(skipReason)('cancelled once the file is read: rolls back and ends cancelled', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => `FR1,1000,,,C${i},1\nFR1,1200,,,C${i},-1`);
    await writeFile(join(fx.store.root, 'in.csv'), `${HEADER}\n${rows.join('\n')}\n`);
    const ctx = recordingContext(fx.services);
    const progress = ctx.progress;
    ctx.progress = (message, counts) => {
      progress(message, counts);
      if (counts?.current === counts?.total) ctx.cancel();
    };
    const run = importDataJob
      .create(fx.services)
      .execute(
        importDataJob.params.parse({ customer: 'DEMO', period: '202212', category: 'BUD', file: 'in.csv' }),
        ctx,
      );
    await expect(run).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(importPaths(ctx)).toEqual(kind === 'sqlite' ? ['stream'] : ['copy']);
    expect(await snapshot()).toEqual([]);
  });

  it.skipIf(skipReason)('streams a long file COPY refuses early on', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `FR1,1000,,,L${i},1\nFR1,1200,,,L${i},-1`);
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\nFR1,1000,,,X`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`,5\nFR1,1200,,,X,-5\n${rows.join('\n')}\n`),
    ]);
    const { outcome, paths: read } = await importFile(bytes);
    expect(read).toEqual(copyOr('rejectedByCopy'));
    expect(outcome).toMatchObject({ inserted: 80_002 });
  });

  it.skipIf(skipReason)('fails a malformed quote as the streaming reader does', async () => {
    const { outcome, paths: read } = await importFile(`${HEADER}\nFR1,10"00,,,,1\n`);
    expect(read).toEqual(copyOr('badQuote'));
    expect(outcome).toMatchObject({
      code: 'IMPORTEXPORT_BAD_FILE',
      key: 'importexport.error.file.unreadable',
    });
    const missing = await importFile('company,account\nFR1,1000\n');
    expect(missing.outcome).toMatchObject({ key: 'importexport.error.file.missingColumns' });
  });
});

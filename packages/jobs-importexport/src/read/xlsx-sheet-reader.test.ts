import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from './source-row.js';
import { readXlsxSheets } from './xlsx-sheet-reader.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hangar-xlsx-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(
  path: string,
): Promise<
  { name: string; header: readonly string[]; rows: { row: number; cells: Record<string, CellValue> }[] }[]
> {
  const work = await mkdtemp(join(dir, 'read-'));
  const out = [];
  for await (const sheet of readXlsxSheets(createReadStream(path), 'test.xlsx', work)) {
    const rows = [];
    for await (const row of sheet.rows) rows.push({ row: row.row, cells: { ...row.cells } });
    out.push({ name: sheet.name, header: sheet.header, rows });
  }
  return out;
}

describe('XLSX sheet reader', () => {
  it('reads shared and rich strings, numbers, formulas, booleans and gaps, with row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Données');
    sheet.addRow(['Code', 'Amount', 'Note', 'Flag']);
    sheet.addRow(['A1', 12.5, { richText: [{ text: 'rich ' }, { text: 'text' }] }, true]);
    sheet.addRow([]);
    sheet.addRow(['B&2', { formula: 'B2*2', result: 25 }, null, false]);
    sheet.getCell('A6').value = 'gap';
    await workbook.xlsx.writeFile(join(dir, 'kinds.xlsx'));
    const [read] = await readAll(join(dir, 'kinds.xlsx'));
    expect(read?.name).toBe('Données');
    expect(read?.header).toEqual(['code', 'amount', 'note', 'flag']);
    expect(read?.rows).toEqual([
      { row: 2, cells: { code: 'A1', amount: 12.5, note: 'rich text', flag: 'true' } },
      { row: 4, cells: { code: 'B&2', amount: 25, note: null, flag: 'false' } },
      { row: 6, cells: { code: 'gap' } },
    ]);
  });

  it('reads every sheet and its name from a streaming-written workbook, every time', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: false,
      useSharedStrings: false,
    });
    const names = ['companies', 'categories', 'periods', 'flows', 'accounts', 'ic_rules'];
    names.forEach((name, k) => {
      const ws = writer.addWorksheet(name);
      ws.addRow(['code', 'value']).commit();
      for (let i = 0; i < 500 * (k + 1); i++) ws.addRow([`${name}-${i}`, i]).commit();
      ws.commit();
    });
    await writer.commit();
    for (let attempt = 0; attempt < 10; attempt++) {
      const read = await readAll(path);
      expect(read.map((s) => [s.name, s.rows.length])).toEqual(names.map((name, k) => [name, 500 * (k + 1)]));
    }
  });

  it('fails with a clear file error on something that is not a workbook', async () => {
    const path = join(dir, 'not.xlsx');
    await import('node:fs/promises').then((fs) => fs.writeFile(path, 'company,amount\n'));
    await expect(readAll(path)).rejects.toMatchObject({ code: 'IMPORTEXPORT_BAD_FILE' });
  });
});

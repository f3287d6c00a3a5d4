import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvOptionsSchema } from './csv-options.js';
import { readCsvSheets } from './csv-sheet-reader.js';
import type { SourceRow } from './source-row.js';

async function read(
  bytes: Buffer | string,
  options: Record<string, unknown> = {},
  chunk = 7,
): Promise<{ header: readonly string[]; rows: SourceRow[] }> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8');
  // Small chunks: records and multi-byte characters cross chunk boundaries.
  const chunks = Array.from({ length: Math.ceil(buffer.length / chunk) }, (_, i) =>
    buffer.subarray(i * chunk, (i + 1) * chunk),
  );
  for await (const sheet of readCsvSheets(
    Readable.from(chunks),
    'test.csv',
    csvOptionsSchema.parse(options),
  )) {
    const rows: SourceRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    return { header: sheet.header, rows };
  }
  throw new Error('no sheet');
}

describe('CSV sheet reader', () => {
  it('numbers rows by the file line they end on, across empty lines and quoted newlines', async () => {
    const { header, rows } = await read('Company, Account Code\nA,1\n\nB,"two\nlines"\n  C , \n');
    expect(header).toEqual(['company', 'account_code']);
    expect(rows).toEqual([
      { row: 2, cells: { company: 'A', account_code: '1' } },
      { row: 5, cells: { company: 'B', account_code: 'two\nlines' } },
      { row: 6, cells: { company: 'C', account_code: null } },
    ]);
  });

  it('decodes latin1 and skips a UTF-8 byte-order mark', async () => {
    expect(
      (await read(Buffer.from('nom;ville\nÉlan;Orléans\n', 'latin1'), { encoding: 'latin1', delimiter: ';' }))
        .rows[0]?.cells,
    ).toEqual({
      nom: 'Élan',
      ville: 'Orléans',
    });
    expect((await read('\uFEFFnom,ville\nÉlan,Orléans\n')).header).toEqual(['nom', 'ville']);
  });

  it('reports a malformed file as a file error', async () => {
    await expect(read('a,b\n1,"open\n')).rejects.toMatchObject({
      code: 'IMPORTEXPORT_BAD_FILE',
      key: 'importexport.error.file.unreadable',
    });
  });

  it('reports a quote inside an unquoted field as a file error, whole or in chunks', async () => {
    for (const chunk of [7, 1000]) {
      await expect(read('a,b\nFR1,10"00\n', {}, chunk)).rejects.toMatchObject({
        code: 'IMPORTEXPORT_BAD_FILE',
        key: 'importexport.error.file.unreadable',
      });
    }
  });

  it('reads an empty file as a sheet without header', async () => {
    expect(await read('')).toEqual({ header: [], rows: [] });
  });
});

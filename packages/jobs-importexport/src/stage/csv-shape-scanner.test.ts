import { describe, expect, it } from 'vitest';
import { CHARS, CsvShapeScanner } from './csv-shape-scanner.js';

/** Scans `text` in chunks of `size` bytes and returns what the scanner found. */
function scan(text: string | Buffer, size: number, delimiter = ',') {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const scanner = new CsvShapeScanner(delimiter.charCodeAt(0), 0x22, true);
  for (let at = 0; at < bytes.length; at += size) scanner.scan(bytes.subarray(at, at + size));
  scanner.finish();
  const columns = Array.from({ length: Math.max(0, scanner.columns) }, (_, i) => scanner.column(i));
  return { problem: scanner.problem, lines: scanner.lines, columns };
}

/** The same answer whatever the chunking: every state can straddle a chunk boundary. */
function scanAll(text: string | Buffer, delimiter = ',') {
  const whole = scan(text, 1 << 20, delimiter);
  for (const size of [1, 2, 3, 5]) expect(scan(text, size, delimiter)).toEqual(whole);
  return whole;
}

describe('CSV shape scanner', () => {
  it('counts lines and learns which columns need trimming and which bytes they use', () => {
    const found = scanAll('\uFEFFcode,amount,label\nA1,-1.5e3,x\nB2,2,"y ""z"""\r\nC3, 4,Zoné');
    expect(found.problem).toBeUndefined();
    expect(found.lines).toBe(4);
    expect(found.columns).toEqual([
      { needsTrim: false, chars: CHARS.other | CHARS.digit },
      { needsTrim: true, chars: CHARS.digit | CHARS.dot | CHARS.sign | CHARS.exponent | CHARS.other },
      { needsTrim: true, chars: CHARS.other },
    ]);
  });

  it('reads tab-separated files and empty fields', () => {
    const found = scanAll('a\tb\n\t2\n1\t\n', '\t');
    expect(found).toMatchObject({ problem: undefined, lines: 3 });
    expect(found.columns.map((column) => column.needsTrim)).toEqual([false, false]);
  });

  it('finds what COPY would read differently from csv-parse', () => {
    const cases: [string, string][] = [
      ['', 'emptyFile'],
      ['a,b\n\n1,2\n', 'emptyLine'],
      ['a,b\r\n\r\n1,2\r\n', 'emptyLine'],
      ['a,b\n1,"x\ny"\n', 'quotedLineBreak'],
      ['a,b\n1,x"y\n', 'badQuote'],
      ['a,b\n1,"x"y\n', 'badQuote'],
      ['a,b\n1, "x"\n', 'badQuote'],
      ['a,b\n1,"x\n', 'quotedLineBreak'],
      ['a,b\n1,"x', 'unclosedQuote'],
      ['a,b\r1,2\r', 'bareCarriageReturn'],
      ['a,b\n1,2,3\n', 'raggedRow'],
      ['a,b\n1\n', 'raggedRow'],
      ['a,b\n\\.\n', 'raggedRow'],
    ];
    for (const [text, problem] of cases) expect([text, scanAll(text).problem]).toEqual([text, problem]);
  });

  it('accepts a last line without a line break and quoted fields at the end of a line', () => {
    expect(scanAll('a,b\n1,"2"')).toMatchObject({ problem: undefined, lines: 2 });
    expect(scanAll('a,b\r\n"1",""\r\n')).toMatchObject({ problem: undefined, lines: 2 });
  });
});

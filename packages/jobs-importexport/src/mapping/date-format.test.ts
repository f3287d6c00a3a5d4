import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDate } from './date-format.js';

describe('date layouts', () => {
  it('reads each layout with the digits it names', () => {
    expect(parseDate('2023-02-01', 'YYYY-MM-DD')).toBe('2023-02-01');
    expect(parseDate('01/02/2023', 'DD/MM/YYYY')).toBe('2023-02-01');
    expect(parseDate('02/01/2023', 'MM/DD/YYYY')).toBe('2023-02-01');
    expect(parseDate('01.02.2023', 'DD.MM.YYYY')).toBe('2023-02-01');
    expect(parseDate('20230201', 'YYYYMMDD')).toBe('2023-02-01');
  });

  it('refuses missing digits, days that do not exist and trailing text', () => {
    for (const [text, format] of [
      ['2023-2-1', 'YYYY-MM-DD'],
      ['1/2/2023', 'DD/MM/YYYY'],
      ['2/1/2023', 'MM/DD/YYYY'],
      ['1.2.2023', 'DD.MM.YYYY'],
      ['2023-02-30', 'YYYY-MM-DD'],
      ['30/02/2023', 'DD/MM/YYYY'],
      ['2023-02-01x', 'YYYY-MM-DD'],
      ['2023-02-01 garbage', 'DD/MM/YYYY'],
      ['2023-02-01T12:30:00Z', 'DD/MM/YYYY'],
      ['2023-02-01Tjunk', 'YYYY-MM-DD'],
    ] as const) {
      expect(parseDate(text, format), `${text} as ${format}`).toBeUndefined();
    }
  });

  it('reads a workbook date cell given as ISO text at midnight, whatever the layout', () => {
    expect(parseDate('2023-02-01T00:00:00.000Z', 'DD/MM/YYYY')).toBe('2023-02-01');
    expect(parseDate('2023-02-01', 'MM/DD/YYYY')).toBe('2023-02-01');
    expect(isIsoDate('2023-02-01')).toBe(true);
    expect(isIsoDate('2023-02-01T00:00:00Z')).toBe(false);
  });
});

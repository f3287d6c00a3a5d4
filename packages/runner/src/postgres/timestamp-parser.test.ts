import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseTimestamptz } from './timestamp-parser.js';

const general = pg.types.getTypeParser(1184, 'text') as (text: string) => Date | string;

describe('parseTimestamptz', () => {
  it('agrees with pg’s general parser on every shape PostgreSQL prints', () => {
    const samples = [
      '2026-11-29 02:45:36.123456+00',
      '2026-11-29 02:45:36+00',
      '2026-11-29 02:45:36.1+00',
      '2026-11-29 02:45:36.99999+01',
      '2026-03-29 01:59:59.999-05',
      '2026-10-25 03:00:00+05:30',
      '1901-12-13 20:45:52+00:09:21',
      '2000-02-29 23:59:59.5-09:30',
      '9999-12-31 23:59:59.999999+14',
      '0099-01-01 00:00:00+00',
    ];
    for (const text of samples) {
      const ours = parseTimestamptz(text);
      const theirs = general(text);
      expect(ours instanceof Date ? ours.getTime() : ours, text).toEqual(
        theirs instanceof Date ? theirs.getTime() : theirs,
      );
    }
  });

  it('hands infinity and BC dates to the general parser', () => {
    expect(parseTimestamptz('infinity')).toEqual(general('infinity'));
    expect(parseTimestamptz('-infinity')).toEqual(general('-infinity'));
    const bc = parseTimestamptz('0044-03-15 12:00:00+00 BC');
    expect(bc instanceof Date ? bc.getTime() : bc).toEqual(
      (general('0044-03-15 12:00:00+00 BC') as Date).getTime(),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { UnrecoverableError } from '../errors/unrecoverable-error.js';
import { type ErrorInfo, errorInfoFromError } from './error-info.js';
import { errorInfoToXml, parseErrorInfoXml } from './error-info-xml.js';

describe('ErrorInfo XML', () => {
  it('parses the document a stored procedure returns', () => {
    const xml = `<?xml version="1.0"?>
      <errorinfo>
        <error code="IC_MISMATCH" key="conso.error.icMismatch" severity="warning" source="P_ELIM">
          <param name="company">C1 &amp; Co</param>
          <param name="amount" type="number">12.5</param>
          <param name="blocking" type="boolean">false</param>
        </error>
        <error code="LOCKED"/>
        <error code="RAW">Plain text from an old procedure</error>
      </errorinfo>`;
    expect(parseErrorInfoXml(xml)).toEqual([
      {
        code: 'IC_MISMATCH',
        key: 'conso.error.icMismatch',
        severity: 'warning',
        source: 'P_ELIM',
        params: { company: 'C1 & Co', amount: 12.5, blocking: false },
      },
      { code: 'LOCKED', key: 'sql.LOCKED', severity: 'error', params: {} },
      {
        code: 'RAW',
        key: 'sql.RAW',
        severity: 'error',
        params: { message: 'Plain text from an old procedure' },
      },
    ]);
  });

  it('round-trips through errorInfoToXml', () => {
    const info: ErrorInfo = [
      { code: 'A', key: 'k.a', severity: 'error', params: { who: '<admin>', n: 3, ok: true } },
      { code: 'B', key: 'k.b', severity: 'info', source: 'step "2"', params: {} },
    ];
    expect(parseErrorInfoXml(errorInfoToXml(info))).toEqual(info);
  });

  it('reads empty output as no errors and rejects malformed documents clearly', () => {
    expect(parseErrorInfoXml(null)).toEqual([]);
    expect(parseErrorInfoXml('  ')).toEqual([]);
    expect(() => parseErrorInfoXml('<errors/>')).toThrow(/<errorinfo> root/);
    expect(() => parseErrorInfoXml('<errorinfo><error code="X">')).toThrow(/not closed/);
    expect(() => parseErrorInfoXml('<errorinfo><error/></errorinfo>')).toThrow(/code attribute/);
    expect(() => parseErrorInfoXml('<errorinfo><error code="X" severity="fatal"/></errorinfo>')).toThrow(
      /severity/,
    );
    expect(() =>
      parseErrorInfoXml(
        '<errorinfo><error code="X"><param name="n" type="number">abc</param></error></errorinfo>',
      ),
    ).toThrow(/not a number/);
  });

  it('builds entries from Hangar errors and from foreign exceptions', () => {
    expect(errorInfoFromError(new UnrecoverableError('disk full'), 'export')).toEqual({
      code: 'JOB_UNRECOVERABLE',
      key: 'hangar.error.unrecoverable',
      params: { message: 'disk full' },
      severity: 'error',
      source: 'export',
    });
    expect(errorInfoFromError(new TypeError('x is undefined'))).toMatchObject({
      code: 'UNEXPECTED',
      params: { message: 'x is undefined' },
    });
  });
});

import { HangarError } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { ConsoDbUrlInvalidError } from '../errors/conso-db-url-invalid-error.js';
import { ConsoDbUrlUnsupportedError } from '../errors/conso-db-url-unsupported-error.js';
import { openConsoDb } from '../open-conso-db.js';
import { maskUrlPassword, parseConsoDbUrl } from './conso-db-url.js';

describe('parseConsoDbUrl', () => {
  it.each([
    ['postgres://u:p@db:5432/conso', 'postgres'],
    ['postgresql://db/conso', 'postgres'],
    ['POSTGRES://db/conso', 'postgres'],
  ])('%s → PostgreSQL with the URL as connection string', (url, dialect) => {
    expect(parseConsoDbUrl(url)).toEqual({ dialect, connectionString: url });
  });

  it.each([
    ['sqlite::memory:', ':memory:'],
    [':memory:', ':memory:'],
    ['sqlite:data/conso.db', 'data/conso.db'],
    ['sqlite://data/conso.db', 'data/conso.db'],
    ['sqlite:///var/lib/conso.db', '/var/lib/conso.db'],
    ['/var/lib/conso.db', '/var/lib/conso.db'],
    ['./conso.db', './conso.db'],
    ['C:\\data\\conso.db', 'C:\\data\\conso.db'],
  ])('%s → SQLite file %s', (url, filename) => {
    expect(parseConsoDbUrl(url)).toEqual({ dialect: 'sqlite', filename });
  });

  it('reads SQL Server settings from an mssql:// URL', () => {
    expect(parseConsoDbUrl('mssql://sa:p%40ss@sql.local:14330/conso?trustServerCertificate=true')).toEqual({
      dialect: 'mssql',
      connection: {
        server: 'sql.local',
        port: 14330,
        database: 'conso',
        userName: 'sa',
        password: 'p@ss',
        encrypt: true,
        trustServerCertificate: true,
        instanceName: undefined,
      },
    });
    const defaults = parseConsoDbUrl('mssql://sa:x@sql.local');
    expect(defaults).toMatchObject({
      connection: { port: 1433, database: undefined, trustServerCertificate: false },
    });
  });

  it('rejects an mssql URL without user, naming the URL with its password masked', () => {
    expect(() => parseConsoDbUrl('mssql://sql.local/conso')).toThrow(ConsoDbUrlInvalidError);
    expect(maskUrlPassword('mssql://sa:secret@h/db')).toBe('mssql://sa:***@h/db');
    expect(() => parseConsoDbUrl('sqlite:')).toThrow(/no SQLite file name/);
  });

  it('rejects an unsupported scheme with a typed error that names it and lists the supported ones', () => {
    let caught: unknown;
    try {
      parseConsoDbUrl('mysql://root@localhost/conso');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConsoDbUrlUnsupportedError);
    expect(HangarError.isInstance(caught)).toBe(true);
    const error = caught as ConsoDbUrlUnsupportedError;
    expect(error.code).toBe('CONSO_DB_URL_UNSUPPORTED');
    expect(error.scheme).toBe('mysql');
    expect(error.message).toContain('"mysql:"');
    expect(error.message).toContain('postgres, postgresql, sqlite, mssql');
    expect(error.params).toMatchObject({ scheme: 'mysql' });
    expect(error.retryable).toBe(false);
  });
});

describe('openConsoDb with a bad URL', () => {
  it('rejects before loading any driver', async () => {
    await expect(openConsoDb('oracle://scott:tiger@db/orcl')).rejects.toMatchObject({
      code: 'CONSO_DB_URL_UNSUPPORTED',
      scheme: 'oracle',
    });
  });

  it('refuses the PostgreSQL-only schema option on another dialect', async () => {
    await expect(openConsoDb(':memory:', { schema: 'x' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openConsoDb } from '../open-conso-db.js';
import { describeConsoDbContract } from '../testing/conso-db-contract.js';

describeConsoDbContract('SQLite in memory', async () => {
  const handle = await openConsoDb('sqlite::memory:');
  return { handle, dispose: () => handle.close() };
});

const dir = mkdtempSync(join(tmpdir(), 'conso-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeConsoDbContract('SQLite file', async () => {
  const handle = await openConsoDb(`sqlite:${join(dir, 'contract.db')}`);
  return { handle, dispose: () => handle.close() };
});

describe('SQLite connection settings', () => {
  it('turns on WAL for files and enforces foreign keys', async () => {
    const handle = await openConsoDb(join(dir, 'pragmas.db'));
    try {
      expect(handle.dialect).toBe('sqlite');
      const { rows: mode } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
      expect(mode[0]?.journal_mode).toBe('wal');
      const { rows: fk } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
      expect(fk[0]?.foreign_keys).toBe(1);
    } finally {
      await handle.close();
    }
  });
});

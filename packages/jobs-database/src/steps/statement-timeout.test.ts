import type { ConsoDatabase } from '@hangar/conso-db';
import { RecordingDialect } from '@hangar/conso-db/testing';
import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { SqlCanceller } from '../cancellation/sql-canceller.js';
import { limitStatements } from './statement-timeout.js';

function recording(dialect: 'postgres' | 'mssql' | 'sqlite') {
  const recorder = new RecordingDialect(dialect);
  return { recorder, db: new Kysely<ConsoDatabase>({ dialect: recorder }) };
}

const idle: SqlCanceller = { cancel: async () => undefined };
const timeout = { code: '57014', message: 'canceling statement due to statement timeout' };
const cancelled = { code: '57014', message: 'canceling statement due to user request' };

describe('limitStatements', () => {
  it('sets a transaction-local statement_timeout on PostgreSQL and recognises only its firing', async () => {
    const { recorder, db } = recording('postgres');
    const limit = await limitStatements(db, idle, 1500);
    expect(recorder.queries.map((q) => q.sql)).toEqual(['set local statement_timeout = 1500']);
    expect(limit.fired(timeout)).toBe(true);
    expect(limit.fired(cancelled)).toBe(false);
    expect(limit.fired(new Error('statement timeout'))).toBe(false);
    limit.end();
  });

  it('on SQL Server cancels the running request through the canceller once the limit passes', async () => {
    const { recorder, db } = recording('mssql');
    let cancel: () => void = () => undefined;
    const cancelledOnce = new Promise<void>((resolve) => {
      cancel = resolve;
    });
    const limit = await limitStatements(db, { cancel: async () => cancel() }, 5);
    expect(limit.fired(new Error('session killed'))).toBe(false);
    await cancelledOnce;
    expect(limit.fired(new Error('session killed'))).toBe(true);
    limit.end();
    // The limit is client-side there: nothing is sent to the server to set it.
    expect(recorder.queries).toEqual([]);
  });

  it('applies nothing without a limit, nor on SQLite, and refuses a limit that is not whole ms', async () => {
    for (const dialect of ['postgres', 'mssql', 'sqlite'] as const) {
      const { recorder, db } = recording(dialect);
      const limit = await limitStatements(db, idle, undefined);
      expect(limit.fired(timeout)).toBe(false);
      expect(recorder.queries).toEqual([]);
    }
    const { recorder, db } = recording('sqlite');
    expect((await limitStatements(db, idle, 100)).fired(timeout)).toBe(false);
    expect(recorder.queries).toEqual([]);
    await expect(limitStatements(recording('postgres').db, idle, 0)).rejects.toThrow(RangeError);
    await expect(limitStatements(recording('postgres').db, idle, 2.5)).rejects.toThrow(RangeError);
  });
});

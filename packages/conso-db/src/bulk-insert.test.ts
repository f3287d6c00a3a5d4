import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BIND_PARAMETER_LIMITS, batchPlan, bulkInsert, MSSQL_MAX_ROWS_PER_INSERT } from './bulk-insert.js';
import type { ConsoDialect } from './dialects/conso-dialect.js';
import type { ConsoDatabase, NewConsoRow } from './schema/conso-database.js';
import { RecordingDialect } from './testing/recording-dialect.js';

function recording(dialect: ConsoDialect) {
  // SQLite asks for its library version first; answer like a modern build.
  const recorder = new RecordingDialect(dialect, (query) =>
    query.sql.includes('sqlite_version')
      ? { rows: [{ version: '3.45.1' }] }
      : { rows: [], numAffectedRows: 1n },
  );
  return { recorder, db: new Kysely<ConsoDatabase>({ dialect: recorder }) };
}

function* bundleRows(count: number): Generator<NewConsoRow<'bundles'>> {
  for (let i = 0; i < count; i++) {
    yield {
      company_id: 1,
      period_id: 1,
      category_id: 1,
      account_id: i,
      partner_company_id: null,
      flow_id: null,
      dimension: null,
      amount: i / 100,
    };
  }
}

const inserts = (recorder: RecordingDialect) => recorder.queries.filter((q) => q.sql.startsWith('insert'));

describe('bulkInsert batching', () => {
  it.each([
    ['postgres', Math.floor(65535 / 8)],
    ['sqlite', Math.floor(32766 / 8)],
    ['mssql', Math.floor((2100 - 2) / 8)],
  ] as const)('%s: batches of %i rows of 8 columns', async (dialect, rowsPerBatch) => {
    const { recorder, db } = recording(dialect);
    const total = rowsPerBatch * 2 + 5;
    expect(await bulkInsert(db, 'bundles', bundleRows(total))).toBe(total);
    const statements = inserts(recorder);
    expect(statements.map((q) => q.parameters.length / 8)).toEqual([rowsPerBatch, rowsPerBatch, 5]);
    for (const q of statements)
      expect(q.parameters.length).toBeLessThanOrEqual(BIND_PARAMETER_LIMITS[dialect]);
  });

  it('mssql: never more than 1000 rows per INSERT, even with few columns', async () => {
    const { recorder, db } = recording('mssql');
    const rows = Array.from({ length: 2500 }, (_, i) => ({ code: `C${i}`, name: 'n' }));
    await bulkInsert(db, 'currencies', rows as never);
    expect(inserts(recorder).map((q) => q.parameters.length / 2)).toEqual([
      MSSQL_MAX_ROWS_PER_INSERT,
      1000,
      500,
    ]);
  });

  it('sqlite: drops to 999 parameters on a library older than 3.32', async () => {
    const recorder = new RecordingDialect('sqlite', (query) =>
      query.sql.includes('sqlite_version') ? { rows: [{ version: '3.31.1' }] } : { rows: [] },
    );
    const db = new Kysely<ConsoDatabase>({ dialect: recorder });
    expect(await batchPlan(db)).toEqual({ maxParameters: 999, maxRows: Number.MAX_SAFE_INTEGER });
  });

  it('honours a lower maxParameters and runs in one transaction', async () => {
    const { recorder, db } = recording('postgres');
    await bulkInsert(db, 'bundles', bundleRows(10), { maxParameters: 24 });
    expect(inserts(recorder).map((q) => q.parameters.length)).toEqual([24, 24, 24, 8]);
    expect(await batchPlan(db, { maxParameters: 10_000_000 })).toMatchObject({ maxParameters: 65535 });
  });

  it('accepts async iterables and empty input', async () => {
    const { recorder, db } = recording('postgres');
    async function* rows() {
      yield* bundleRows(3);
    }
    expect(await bulkInsert(db, 'bundles', rows())).toBe(3);
    expect(await bulkInsert(db, 'bundles', [])).toBe(0);
    expect(inserts(recorder)).toHaveLength(1);
  });
});

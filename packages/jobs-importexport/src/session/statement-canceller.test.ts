import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, testBackends } from '../testing/test-databases.js';
import { cancelStatementsOnAbort } from './statement-canceller.js';

const postgres = (await testBackends()).find((backend) => backend.kind === 'postgres');

describe('statement cancellation on PostgreSQL', () => {
  let test: TestDb;
  beforeAll(async () => {
    if (!postgres?.skipReason) test = await openTestDb('postgres');
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  it.skipIf(postgres?.skipReason)('cancels the running statement when the signal fires', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const outcome = test.consoDb.db.transaction().execute(async (trx) => {
      const stop = await cancelStatementsOnAbort(test.consoDb.db, trx, controller.signal);
      try {
        await sql`select pg_sleep(20)`.execute(trx);
      } finally {
        stop();
      }
    });
    setTimeout(() => controller.abort(), 200);
    await expect(outcome).rejects.toMatchObject({ code: '57014' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.skipIf(postgres?.skipReason)('leaves the connection alone once its transaction is over', async () => {
    const controller = new AbortController();
    await test.consoDb.db.transaction().execute(async (trx) => {
      await cancelStatementsOnAbort(test.consoDb.db, trx, controller.signal);
    });
    // The listener is still there (never stopped), but the transaction it watched has ended.
    controller.abort();
    const { rows } = await sql<{ done: number }>`select 1 as done from pg_sleep(0.5)`.execute(
      test.consoDb.db,
    );
    expect(rows).toEqual([{ done: 1 }]);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';
import { customerFingerprint } from '../testing/data-fingerprint.js';
import {
  type IsolatedDb,
  openIsolatedPostgres,
  postgresTestTarget,
} from '../testing/postgres-test-target.js';
import { openAsRestrictedRole } from '../testing/restricted-role.js';
import { generateSampleGroup } from './generate-sample-group.js';

const target = await postgresTestTarget();
const group = { companies: 11, accounts: 90, seed: 4242 };

async function foreignKeys(
  db: ConsoDb['db'],
): Promise<{ name: string; definition: string; valid: boolean }[]> {
  const { rows } = await sql<{ name: string; definition: string; valid: boolean }>`
    select conname as name, pg_get_constraintdef(oid) as definition, convalidated as valid
    from pg_constraint where conrelid = 'bundles'::regclass and contype = 'f' order by conname`.execute(db);
  return rows;
}

describe.skipIf(target.url === undefined)('PostgreSQL bundle load', () => {
  let isolated: IsolatedDb;
  let sqlite: ConsoDb;
  let portable: string;

  beforeAll(async () => {
    isolated = await openIsolatedPostgres(target.url!);
    await migrateToLatest(isolated.handle.db);
    // The portable batched path, as reference of what the generator writes.
    sqlite = await openConsoDb('sqlite::memory:');
    await migrateToLatest(sqlite.db);
    const reference = await generateSampleGroup(sqlite.db, group);
    portable = await customerFingerprint(sqlite.db, reference.customerId);
  }, 60_000);

  afterAll(async () => {
    await sqlite?.close();
    await isolated?.dispose();
  });

  it('writes through arrays exactly the rows of the portable path and restores the foreign keys', async () => {
    const { db } = isolated.handle;
    const before = await foreignKeys(db);
    expect(before.length).toBeGreaterThanOrEqual(6);
    const sample = await generateSampleGroup(db, group);
    expect(await customerFingerprint(db, sample.customerId)).toBe(portable);
    expect(await foreignKeys(db)).toEqual(before.map((key) => ({ ...key, valid: true })));
    // The restored keys are enforced again.
    await expect(
      sql`insert into bundles (company_id, period_id, category_id, account_id, amount)
          values (-1, ${sample.periodId}, ${sample.categoryId}, -1, 1)`.execute(db),
    ).rejects.toThrow(/foreign key/);
  }, 60_000);

  it('writes the same rows for a role that does not own the table (keys then checked per row)', async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
      isolated.handle.db,
    );
    const restricted = await openAsRestrictedRole(isolated.handle, target.url!, rows[0]!.schema);
    try {
      const sample = await generateSampleGroup(restricted.consoDb.db, {
        ...group,
        customerCode: 'NOT_OWNER',
      });
      expect(await customerFingerprint(isolated.handle.db, sample.customerId)).toBe(portable);
    } finally {
      await restricted.drop();
    }
  }, 60_000);
});

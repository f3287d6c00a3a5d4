import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { generateSampleGroup } from '../sample-group/generate-sample-group.js';
import { describeConsoDbContract } from '../testing/conso-db-contract.js';
import {
  type IsolatedDb,
  openIsolatedPostgres,
  postgresTestTarget,
} from '../testing/postgres-test-target.js';

// Each run opens its own random schema (dropped afterwards), so parallel files and reruns never clash.
const target = await postgresTestTarget();

describe.skipIf(target.url === undefined)('PostgreSQL', () => {
  describeConsoDbContract('PostgreSQL', () => openIsolatedPostgres(target.url!));

  describe('PostgreSQL specifics', () => {
    let isolated: IsolatedDb;
    beforeAll(async () => {
      isolated = await openIsolatedPostgres(target.url!);
      await migrateToLatest(isolated.handle.db);
    });
    afterAll(async () => isolated?.dispose());

    it('stores amounts as exact NUMERIC(28,10): the raw SUM of every bundle is exactly 0', async () => {
      const { db } = isolated.handle;
      const sample = await generateSampleGroup(db, { companies: 7, accounts: 40, seed: 3 });
      const { rows } = await sql<{ company_id: number; total: string }>`
        select company_id, sum(amount)::text as total from bundles
        where period_id = ${sample.periodId} group by company_id`.execute(db);
      expect(rows).toHaveLength(7);
      for (const row of rows) expect(Number(row.total)).toBe(0);
      const { rows: types } = await sql<{
        data_type: string;
        numeric_precision: number;
        numeric_scale: number;
      }>`
        select data_type, numeric_precision, numeric_scale from information_schema.columns
        where table_schema = current_schema() and table_name = 'bundles' and column_name = 'amount'`.execute(
        db,
      );
      expect(types[0]).toEqual({ data_type: 'numeric', numeric_precision: 28, numeric_scale: 10 });
    });

    it('reads NUMERIC and COUNT as numbers without touching pg global parsers', async () => {
      const { db } = isolated.handle;
      const { rows } = await sql<{ n: number; d: number }>`select count(*) as n, 1.5::numeric as d`.execute(
        db,
      );
      expect(rows[0]).toEqual({ n: 1, d: 1.5 });
      const pg = await import('pg');
      expect(pg.types.getTypeParser(1700, 'text')('1.5')).toBe('1.5');
    });

    it('keeps each schema separate: the search_path is the isolated schema', async () => {
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
        isolated.handle.db,
      );
      expect(rows[0]?.schema).toBe(isolated.handle.schema);
    });
  });
});

import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_STAGING } from '../jobs/bundle-staging.js';
import { importDataJob } from '../jobs/import-data-job.js';
import type { StagingTable } from '../stage/staging-table.js';
import { type DemoFixture, openDemoFixture } from '../testing/demo-fixture.js';
import { recordingContext } from '../testing/test-context.js';
import { PG_URL, testBackends } from '../testing/test-databases.js';
import type { ApplyTarget } from './apply-target.js';
import { lockStagedReferences } from './locked-references.js';

const postgres = (await testBackends()).find((b) => b.kind === 'postgres');
const skipReason = postgres?.skipReason;

/** A staging table made by hand: only its name and columns are read here. */
const staging: StagingTable = {
  name: 'stg_refs',
  columns: BUNDLE_STAGING,
  append: () => Promise.reject(new Error('not used')),
  finish: () => Promise.reject(new Error('not used')),
  abort: () => Promise.resolve(),
};

describe('set-based reference checks before a bulk insert (PostgreSQL)', () => {
  let fx: DemoFixture;
  let db: Kysely<unknown>;
  let ids: { company: number; account: number; period: number; category: number };
  let target: ApplyTarget;
  const role = `hangar_ie_refs_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    if (skipReason) return;
    fx = await openDemoFixture('postgres');
    const conso = fx.test.consoDb.db;
    db = conso as unknown as Kysely<unknown>;
    const one = async (table: 'companies' | 'accounts' | 'periods' | 'categories', code: string) =>
      (await conso.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    ids = {
      company: await one('companies', 'FR1'),
      account: await one('accounts', '1000'),
      period: await one('periods', '202212'),
      category: await one('categories', 'BUD'),
    };
    target = {
      table: 'bundles',
      columns: staging.columns.map((c) => ({ name: c.name })),
      constants: { period_id: ids.period, category_id: ids.category },
      key: ['company_id', 'account_id'],
      scope: [],
    };
  });
  afterAll(async () => {
    if (skipReason) return;
    await sql`drop owned by ${sql.id(role)}`.execute(db).catch(() => {});
    await sql`drop role if exists ${sql.id(role)}`.execute(db);
    await fx.test.cleanup();
  });

  /** Runs `work` in a transaction holding a staging table of `rows` (company, account). */
  function withStaging<T>(
    rows: [number, number][],
    work: (trx: Kysely<unknown>) => Promise<T>,
    asRole?: string,
  ) {
    return db.transaction().execute(async (trx) => {
      if (asRole) await sql`set local role ${sql.id(asRole)}`.execute(trx);
      await sql`create temporary table stg_refs (row_no integer, company_id integer, account_id integer,
        partner_company_id integer, flow_id integer, dimension text, amount numeric) on commit drop`.execute(
        trx,
      );
      for (const [i, [company, account]] of rows.entries()) {
        await sql`insert into stg_refs values (${i + 1}, ${company}, ${account}, null, null, ${`D${i}`}, 1)`.execute(
          trx,
        );
      }
      return work(trx);
    });
  }

  /** Imports a data file of `rows` (company, account, amount, dimension) into the demo's 202212 BUD. */
  async function importRows(file: string, rows: string[]) {
    await writeFile(
      join(fx.store.root, file),
      `${['company,account,amount,dimension', ...rows].join('\n')}\n`,
    );
    const ctx = recordingContext(fx.services);
    const result = await importDataJob
      .create(fx.services)
      .execute(
        importDataJob.params.parse({ customer: 'DEMO', period: '202212', category: 'BUD', file }),
        ctx,
      );
    return { result, ctx };
  }

  it.skipIf(skipReason)(
    'holds every referenced row FOR KEY SHARE until commit and restores the per-row checks after the insert',
    async () => {
      const other = new pg.Client({ connectionString: PG_URL });
      await other.connect();
      try {
        await other.query(`set search_path to ${fx.test.consoDb.schema}`);
        await other.query(`set lock_timeout = '300ms'`);
        await withStaging(
          [
            [ids.company, ids.account],
            [ids.company, ids.account],
          ],
          async (trx) => {
            const skip = await lockStagedReferences(trx, staging, target);
            expect(skip).toBeTypeOf('function');
            // The lock a per-row foreign-key check would take: a delete of the company must wait.
            await expect(
              other.query('delete from companies where id = $1', [ids.company]),
            ).rejects.toMatchObject({
              code: '55P03',
            });
            // So must a delete of the period, a key the scope fills rather than the file.
            await expect(
              other.query('delete from periods where id = $1', [ids.period]),
            ).rejects.toMatchObject({
              code: '55P03',
            });
            const inserted = await skip?.(async () => {
              const mode = await sql<{
                m: string;
              }>`select current_setting('session_replication_role') as m`.execute(trx);
              expect(mode.rows[0]?.m).toBe('replica');
              const r =
                await sql`insert into bundles (company_id, account_id, period_id, category_id, dimension, amount)
                select company_id, account_id, ${ids.period}, ${ids.category}, dimension, amount from stg_refs`.execute(
                  trx,
                );
              return Number(r.numAffectedRows);
            });
            expect(inserted).toBe(2);
            const after = await sql<{
              m: string;
            }>`select current_setting('session_replication_role') as m`.execute(trx);
            expect(after.rows[0]?.m).toBe('origin');
            await sql`delete from bundles where dimension in ('D0', 'D1')`.execute(trx);
          },
        );
      } finally {
        await other.end();
      }
    },
  );

  it.skipIf(skipReason)('keeps the per-row checks when a staged key references nothing', async () => {
    const skip = await withStaging([[ids.company, 987654321]], (trx) =>
      lockStagedReferences(trx, staging, target),
    );
    expect(skip).toBeUndefined();
  });

  it.skipIf(skipReason)(
    'keeps the per-row checks for a role that may not skip them or lock the referenced rows',
    async () => {
      await sql`create role ${sql.id(role)}`.execute(db);
      await sql`grant usage on schema ${sql.id(fx.test.consoDb.schema ?? 'public')} to ${sql.id(role)}`.execute(
        db,
      );
      await sql`grant select, insert on all tables in schema ${sql.id(fx.test.consoDb.schema ?? 'public')} to ${sql.id(role)}`.execute(
        db,
      );
      const asRole = () =>
        withStaging([[ids.company, ids.account]], (trx) => lockStagedReferences(trx, staging, target), role);
      const schema = sql.id(fx.test.consoDb.schema ?? 'public');
      expect(await asRole()).toBeUndefined();
      await sql`grant set on parameter session_replication_role to ${sql.id(role)}`.execute(db);
      // allowed to skip the checks, but not to lock the referenced rows itself: still per row
      expect(await asRole()).toBeUndefined();
      await sql`grant update on all tables in schema ${schema} to ${sql.id(role)}`.execute(db);
      expect(await asRole()).toBeTypeOf('function');
    },
  );

  it.skipIf(skipReason)(
    'keeps the per-row checks, and fires the trigger per row, when the table has a trigger of its own',
    async () => {
      await sql`create table inserted_rows (n integer not null)`.execute(db);
      await sql`create function count_bundle() returns trigger language plpgsql as $$
      begin insert into inserted_rows values (1); return new; end $$`.execute(db);
      await sql`create trigger bundles_counted after insert on bundles for each row execute function count_bundle()`.execute(
        db,
      );
      try {
        const skip = await withStaging([[ids.company, ids.account]], (trx) =>
          lockStagedReferences(trx, staging, target),
        );
        expect(skip).toBeUndefined();

        const { result } = await importRows('refs.csv', ['FR1,1000,5,T1', 'FR1,1200,-5,T1', 'US1,1000,0,T2']);
        expect(result).toMatchObject({ inserted: 3 });
        const counted = await sql<{ n: string }>`select count(*) as n from inserted_rows`.execute(db);
        expect(Number(counted.rows[0]?.n)).toBe(3);
      } finally {
        await sql`drop trigger bundles_counted on bundles`.execute(db);
      }
    },
  );

  it.skipIf(skipReason)('imports a data file with the references checked once per key', async () => {
    const { result, ctx } = await importRows('refs2.csv', [
      'FR1,1000,5,R1',
      'FR1,1200,-5,R1',
      'US1,1000,0,R2',
    ]);
    expect(result).toMatchObject({ inserted: 3 });
    const phases = ctx.logs.find((entry) => entry.msg === 'import phases')?.fields.phases as Record<
      string,
      number
    >;
    expect(phases).toHaveProperty('references');
    const stored = await sql<{
      n: string;
    }>`select count(*) as n from bundles where dimension in ('R1', 'R2')`.execute(db);
    expect(Number(stored.rows[0]?.n)).toBe(3);
  });
});

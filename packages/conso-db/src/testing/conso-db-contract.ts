import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../bulk-insert.js';
import { CONSO_MIGRATIONS } from '../migrations/conso-migrations.js';
import {
  CONSO_MIGRATION_LOCK_TABLE,
  CONSO_MIGRATION_TABLE,
  migrateToLatest,
} from '../migrations/migrate-to-latest.js';
import type { ConsoDb } from '../open-conso-db.js';
import { bundleBalances } from '../queries/bundle-balances.js';
import { lockConso, unlockConso } from '../queries/conso-lock.js';
import { findConsoByCode } from '../queries/conso-lookup.js';
import { replaceConsolidatedData } from '../queries/consolidated-data.js';
import { logModification } from '../queries/modification-log.js';
import { generateSampleGroup, type SampleGroupSummary } from '../sample-group/generate-sample-group.js';
import { loadTinyDemoGroup } from '../sample-group/tiny-demo-group.js';
import type { ConsoDatabase, ConsoTableName } from '../schema/conso-database.js';
import { customerFingerprint } from './data-fingerprint.js';
import { ROUND_TRIP_ORDER, ROUND_TRIP_ROWS } from './round-trip-fixtures.js';
import { checkSampleStructures } from './sample-structure-checks.js';

/** Opens a fresh, empty database for one run of the contract, and disposes of it. */
export type ContractDbFactory = () => Promise<{ handle: ConsoDb; dispose(): Promise<void> }>;

type Loose = Kysely<Record<string, Record<string, unknown>>>;

/**
 * The behaviour every dialect must show: migrations, a round trip through every table, the
 * library's queries, and the sample generator's balance, determinism and special structures.
 */
export function describeConsoDbContract(label: string, open: ContractDbFactory): void {
  describe(`conso-db contract: ${label}`, () => {
    let handle: ConsoDb;
    let dispose: () => Promise<void>;
    let db: Kysely<ConsoDatabase>;
    let applied: string[];
    let sample: SampleGroupSummary;

    beforeAll(async () => {
      ({ handle, dispose } = await open());
      db = handle.db;
      applied = await migrateToLatest(db);
      sample = await generateSampleGroup(db, { companies: 9, accounts: 64, seed: 20231231 });
    }, 60_000);

    afterAll(async () => {
      await dispose?.();
    });

    it('applies every migration once, then re-running is a no-op', async () => {
      expect(applied).toEqual(Object.keys(CONSO_MIGRATIONS));
      expect(await migrateToLatest(db)).toEqual([]);
      // PostgreSQL introspection lists every schema; only ours counts.
      const schema =
        handle.dialect === 'postgres'
          ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
          : undefined;
      const tables = (await db.introspection.getTables())
        .filter((t) => schema === undefined || t.schema === schema)
        .map((t) => t.name)
        .sort();
      const expected = [...ROUND_TRIP_ORDER, CONSO_MIGRATION_TABLE, CONSO_MIGRATION_LOCK_TABLE].sort();
      expect(tables).toEqual(expected);
    });

    it('round-trips a fully populated row through every table', async () => {
      const loose = db as unknown as Loose;
      const ids = new Map<ConsoTableName, number>();
      const id = (table: ConsoTableName): number => {
        const value = ids.get(table);
        if (value === undefined) throw new Error(`no ${table} row yet`);
        return value;
      };
      for (const table of ROUND_TRIP_ORDER) {
        const row = ROUND_TRIP_ROWS[table](id) as Record<string, unknown>;
        expect(await bulkInsert(db, table, [row as never])).toBe(1);
        let query = loose.selectFrom(table).selectAll();
        if (table === 'currencies') query = query.where('code', '=', row.code);
        else if (table === 'consolidated_data') query = query.where('conso_id', '=', id('consos'));
        else
          query = query.where(
            'id',
            '=',
            sql<number>`(select max(${sql.ref('id')}) from ${sql.table(table)})`,
          );
        const read = await query.execute();
        expect(read, table).toHaveLength(1);
        const { id: rowId, ...rest } = read[0]!;
        expect(rest, table).toEqual(row);
        if (rowId !== undefined) {
          expect(typeof rowId, `${table}.id`).toBe('number');
          ids.set(table, rowId as number);
        }
      }
    });

    it('fills column defaults (flags) when a row omits them', async () => {
      const { customerId } = sample;
      await db
        .insertInto('job_schedules')
        .values({
          customer_id: customerId,
          name: 'defaults',
          job_type: 'x',
          cron: '* * * * *',
          timezone: 'UTC',
          params: '{}',
          last_run_at: null,
          next_run_at: null,
          created_by: null,
        })
        .execute();
      const row = await db
        .selectFrom('job_schedules')
        .select('enabled')
        .where('name', '=', 'defaults')
        .executeTakeFirstOrThrow();
      expect(row.enabled).toBe(1);
    });

    it('generates balanced bundles: every company sums to exactly 0', async () => {
      const balances = await bundleBalances(db, { periodId: sample.periodId, categoryId: sample.categoryId });
      expect(balances).toHaveLength(sample.companies);
      expect(balances.reduce((n, b) => n + b.rows, 0)).toBe(sample.bundleRows);
      for (const balance of balances) expect(balance.totalCents, `company ${balance.companyId}`).toBe(0);
    });

    it('generates the special structures', async () => {
      await checkSampleStructures(db, sample);
    });

    it('is deterministic: the same seed writes the same data, another seed does not', async () => {
      const again = await generateSampleGroup(db, {
        companies: 9,
        accounts: 64,
        seed: 20231231,
        customerCode: 'AGAIN',
      });
      const other = await generateSampleGroup(db, {
        companies: 9,
        accounts: 64,
        seed: 7,
        customerCode: 'OTHER',
      });
      const first = await customerFingerprint(db, sample.customerId);
      expect(await customerFingerprint(db, again.customerId)).toBe(first);
      expect(await customerFingerprint(db, other.customerId)).not.toBe(first);
      expect(again.bundleRows).toBe(sample.bundleRows);
    }, 60_000);

    it('locks a conso for one holder at a time', async () => {
      const conso = await findConsoByCode(db, sample.customerId, sample.consoCode);
      expect(conso?.id).toBe(sample.consoId);
      expect(await lockConso(db, { consoId: sample.consoId, login: 'alice' })).toBe(true);
      expect(await lockConso(db, { consoId: sample.consoId, login: 'bob' })).toBe(false);
      expect(await unlockConso(db, sample.consoId, 'bob')).toBe(false);
      const locked = await findConsoByCode(db, sample.customerId, sample.consoCode);
      expect(locked).toMatchObject({ locked: 1, locked_by: 'alice' });
      expect(await unlockConso(db, sample.consoId, 'alice')).toBe(true);
      expect(await findConsoByCode(db, sample.customerId, sample.consoCode)).toMatchObject({
        locked: 0,
        locked_by: null,
      });
    });

    it('replaces consolidated data atomically and logs modifications', async () => {
      const account = await db
        .selectFrom('accounts')
        .select('id')
        .where('customer_id', '=', sample.customerId)
        .where('code', '=', '3900')
        .executeTakeFirstOrThrow();
      const company = await db
        .selectFrom('companies')
        .select('id')
        .where('customer_id', '=', sample.customerId)
        .where('code', '=', 'C0001')
        .executeTakeFirstOrThrow();
      const row = (amount: number) => ({
        conso_id: sample.consoId,
        company_id: company.id,
        account_id: account.id,
        partner_company_id: null,
        flow_id: null,
        dimension: null,
        origin: 'cta' as const,
        step: 'translation',
        amount_gc: amount,
      });
      expect(
        await replaceConsolidatedData(db, sample.consoId, [row(1), row(2), row(3)], { maxParameters: 20 }),
      ).toBe(3);
      expect(await replaceConsolidatedData(db, sample.consoId, [row(-4.25)])).toBe(1);
      const rows = await db
        .selectFrom('consolidated_data')
        .select('amount_gc')
        .where('conso_id', '=', sample.consoId)
        .execute();
      expect(rows).toEqual([{ amount_gc: -4.25 }]);
      await logModification(db, {
        customerId: sample.customerId,
        logGroup: 'test',
        messageKey: 'conso.run',
        params: { rows: 1 },
        consoId: sample.consoId,
      });
      const log = await db
        .selectFrom('modification_log')
        .select(['params', 'conso_id'])
        .where('log_group', '=', 'test')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(log.params)).toEqual({ rows: 1 });
    });

    it('rolls a bulk insert back entirely when one batch fails', async () => {
      const before = await db
        .selectFrom('currencies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = Array.from({ length: 50 }, (_, i) => ({
        code: `Q${String(i).padStart(2, '0')}`,
        name: `Q${i}`,
        decimals: 2,
      }));
      rows.push({ code: 'Q00', name: 'duplicate', decimals: 2 });
      await expect(bulkInsert(db, 'currencies', rows, { maxParameters: 30 })).rejects.toThrow();
      const after = await db
        .selectFrom('currencies')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('loads the tiny demo group with balanced bundles', async () => {
      const demo = await loadTinyDemoGroup(db);
      expect(demo.companies).toEqual(['HOLD', 'FR1', 'US1', 'UK1', 'JV1']);
      expect(demo.consoCode).toBe('202312ACT001');
      const balances = await bundleBalances(db, { periodId: demo.periodId, categoryId: demo.categoryId });
      expect(balances.map((b) => b.totalCents)).toEqual([0, 0, 0, 0, 0]);
    });
  });
}

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';
import { loadTwoTenantFixture, type TwoTenantFixture } from '../testing/cross-tenant/two-tenant-fixture.js';
import { postgresTestTarget } from '../testing/postgres-test-target.js';
import { openAsRestrictedRole, type RestrictedRole } from '../testing/restricted-role.js';
import { runAsTenant } from './tenant-context.js';

const target = await postgresTestTarget();

// Policies bind roles that neither own the tables nor are superusers: the owner migrates and
// loads the data, a restricted role (as an operator would run the jobs) reads and writes.
describe.skipIf(target.skipReason !== undefined)('PostgreSQL row-level security', () => {
  const suffix = randomBytes(5).toString('hex');
  const schema = `conso_rls_${suffix}`;
  let owner: ConsoDb;
  let jobs: ConsoDb;
  let restricted: RestrictedRole | undefined;
  let fx: TwoTenantFixture;

  beforeAll(async () => {
    const url = target.url as string;
    owner = await openConsoDb(url, { schema, poolSize: 2 });
    await migrateToLatest(owner.db);
    fx = await loadTwoTenantFixture(owner.db);
    restricted = await openAsRestrictedRole(owner, url, schema);
    jobs = restricted.consoDb;
  }, 60_000);

  afterAll(async () => {
    await restricted?.drop();
    if (owner !== undefined) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(owner.db);
      await owner.close();
    }
  });

  it("shows an unfiltered query only the tenant's rows, in direct and child tables", async () => {
    const unfiltered = async () => ({
      customers: (await jobs.db.selectFrom('customers').select('code').execute()).map((r) => r.code),
      companies: new Set(
        (await jobs.db.selectFrom('companies').select('customer_id').execute()).map((r) => r.customer_id),
      ),
      bundles: (await jobs.db.selectFrom('bundles').select('company_id').execute()).length,
      consos: (await jobs.db.selectFrom('consos').select('customer_id').execute()).map((r) => r.customer_id),
    });
    const alpha = await runAsTenant(fx.a.code, unfiltered);
    expect(alpha.customers).toEqual([fx.a.code]);
    expect([...alpha.companies]).toEqual([fx.a.customerId]);
    expect(alpha.consos).toEqual([fx.a.customerId]);
    const system = await runAsTenant(undefined, unfiltered);
    expect(system.customers.sort()).toEqual([fx.a.code, fx.b.code].sort());
    // The demo group is loaded twice, so the system sees exactly twice the tenant's bundles.
    expect(system.bundles).toBe(alpha.bundles * 2);
    expect(alpha.bundles).toBeGreaterThan(0);
  });

  it("changes only the tenant's rows, and refuses to write into another's or a shared table", async () => {
    const updated = await runAsTenant(fx.a.code, () =>
      jobs.db.updateTable('consos').set({ locked: 1, locked_by: 'rls-test' }).executeTakeFirst(),
    );
    expect(Number(updated.numUpdatedRows)).toBe(1);
    const locked = await owner.db
      .selectFrom('consos')
      .select(['customer_id', 'locked'])
      .orderBy('customer_id')
      .execute();
    expect(locked.map((r) => [r.customer_id, Number(r.locked)])).toEqual([
      [fx.a.customerId, 1],
      [fx.b.customerId, 0],
    ]);
    const idOf = async (table: 'periods' | 'categories' | 'accounts') =>
      (
        await owner.db
          .selectFrom(table)
          .select('id')
          .where('customer_id', '=', fx.b.customerId)
          .executeTakeFirstOrThrow()
      ).id;
    const foreignRow = {
      company_id: fx.b.companies.FR1 as number,
      period_id: await idOf('periods'),
      category_id: await idOf('categories'),
      account_id: await idOf('accounts'),
      amount: 1,
    };
    await expect(
      runAsTenant(fx.a.code, () => jobs.db.insertInto('bundles').values(foreignRow).execute()),
    ).rejects.toThrow(/row-level security/);
    await expect(
      runAsTenant(fx.a.code, () =>
        jobs.db.insertInto('translations').values({ key: 'x.y', language: 'en', text: 'x' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await runAsTenant(fx.a.code, () => jobs.db.selectFrom('currencies').select('code').execute()),
    ).not.toEqual([]);
  });

  it('confines validation_rules (migration 0009) like every customer table', async () => {
    const rule = (customerId: number, code: string) => ({
      customer_id: customerId,
      code,
      name: code,
      left_selector: '{"types":["PL"]}',
      right_selector: null,
      operator: 'equal' as const,
      tolerance: 0,
    });
    await owner.db
      .insertInto('validation_rules')
      .values([rule(fx.a.customerId, 'A-RULE'), rule(fx.b.customerId, 'B-RULE')])
      .execute();
    const seen = await runAsTenant(fx.a.code, () =>
      jobs.db.selectFrom('validation_rules').select('code').execute(),
    );
    expect(seen.map((r) => r.code)).toEqual(['A-RULE']);
    await expect(
      runAsTenant(fx.a.code, () =>
        jobs.db.insertInto('validation_rules').values(rule(fx.b.customerId, 'SNEAK')).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const all = await runAsTenant(undefined, () =>
      jobs.db.selectFrom('validation_rules').select('code').execute(),
    );
    expect(all.map((r) => r.code).sort()).toEqual(['A-RULE', 'B-RULE']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';
import { bundleBalances } from '../queries/bundle-balances.js';
import { generateSampleGroup, type SampleGroupSummary } from '../sample-group/generate-sample-group.js';
import { evaluateValidationRules, type RuleEvaluationScope } from './validation-rule-evaluation.js';

describe('evaluateValidationRules', () => {
  let handle: ConsoDb;
  let sample: SampleGroupSummary;
  let scope: RuleEvaluationScope;

  beforeAll(async () => {
    handle = await openConsoDb('sqlite::memory:');
    await migrateToLatest(handle.db);
    sample = await generateSampleGroup(handle.db, { companies: 8, accounts: 60, seed: 11 });
    scope = { customerId: sample.customerId, periodId: sample.periodId, categoryId: sample.categoryId };
    const rule = (code: string, left: object, right: object | null, extra: object = {}) => ({
      customer_id: sample.customerId,
      code,
      name: `Rule ${code}`,
      left_selector: JSON.stringify(left),
      right_selector: right === null ? null : JSON.stringify(right),
      operator: 'equal' as const,
      tolerance: 0,
      is_blocking: 0 as 0 | 1,
      enabled: 1 as const,
      ...extra,
    });
    await handle.db
      .insertInto('validation_rules')
      .values([
        // The generator books no movement on retained earnings: every company fails.
        rule(
          'RESULT',
          { roles: ['retained_earnings'], flows: ['F20'] },
          { types: ['PL'] },
          { is_blocking: 1 as const },
        ),
        // Balanced bundles: every company passes.
        rule('BS-EQ', { types: ['BS'] }, { types: ['EQ', 'PL'] }, { operator: 'opposite' }),
        // Some pass, some fail, depending on the tolerance.
        rule('IC-NET', { roles: ['ic'] }, null, { tolerance: 5000 }),
        rule('CASH', { accounts: ['1000'], flows: ['F00'] }, null),
      ])
      .execute();
  }, 60_000);

  afterAll(async () => handle?.close());

  it('judges every rule, summed together, as it judges each rule alone', async () => {
    const together = await evaluateValidationRules(handle.db, scope);
    expect(together.outcomes.map((o) => [o.rule, o.checks])).toEqual([
      ['BS-EQ', 8],
      ['CASH', 8],
      ['IC-NET', 8],
      ['RESULT', 8],
    ]);
    expect(together.outcomes.find((o) => o.rule === 'RESULT')).toMatchObject({ failures: 8, blocking: true });
    expect(together.outcomes.find((o) => o.rule === 'BS-EQ')?.failures).toBe(0);
    expect(together.outcomes.find((o) => o.rule === 'CASH')?.failures).toBe(8);
    const alone = { outcomes: [] as unknown[], failures: [] as unknown[] };
    for (const code of ['BS-EQ', 'CASH', 'IC-NET', 'RESULT']) {
      const one = await evaluateValidationRules(handle.db, scope, { rules: [code] });
      alone.outcomes.push(...one.outcomes);
      alone.failures.push(...one.failures);
    }
    expect(together).toEqual(alone);
  });

  it('splits the rules over several passes when their account lists exceed the parameter budget', async () => {
    const together = await evaluateValidationRules(handle.db, scope);
    // Enough for the largest rule alone, not for two of them.
    const split = await evaluateValidationRules(handle.db, scope, { maxParameters: 60 });
    expect(split).toEqual(together);
  });

  it("sums each company's balance in the same pass when asked, as the bare balance query does", async () => {
    // Generated bundles all balance: unbalance one, so the totals are not all 0.
    const first = await handle.db
      .selectFrom('bundles')
      .selectAll()
      .where('period_id', '=', sample.periodId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = first;
    await handle.db
      .insertInto('bundles')
      .values({ ...copy, amount: 123.45 })
      .execute();
    try {
      const { totals } = await evaluateValidationRules(handle.db, scope, { totals: true });
      const balances = await bundleBalances(handle.db, {
        periodId: sample.periodId,
        categoryId: sample.categoryId,
      });
      expect(balances).toHaveLength(8);
      expect(balances.find((b) => b.companyId === first.company_id)?.totalCents).toBe(12345);
      expect(totals).toEqual(new Map(balances.map((b) => [b.companyId, b.totalCents])));
    } finally {
      await handle.db.deleteFrom('bundles').where('amount', '=', 123.45).execute();
    }
    // Without the option, or without any rule to evaluate, there are none.
    expect((await evaluateValidationRules(handle.db, scope)).totals).toBeUndefined();
    const none = await evaluateValidationRules(handle.db, scope, { totals: true, rules: ['NOPE'] });
    expect(none).toEqual({ outcomes: [], failures: [] });
  });

  it('keeps to the companies asked for', async () => {
    const { rows } = await handle.db
      .selectFrom('companies')
      .select('id')
      .where('customer_id', '=', sample.customerId)
      .orderBy('id')
      .limit(3)
      .execute()
      .then((ids) => ({ rows: ids.map((r) => r.id) }));
    const some = await evaluateValidationRules(handle.db, { ...scope, companyIds: rows });
    expect(some.outcomes.every((o) => o.checks === 3)).toBe(true);
    expect(new Set(some.failures.map((f) => f.company)).size).toBeLessThanOrEqual(3);
  });
});

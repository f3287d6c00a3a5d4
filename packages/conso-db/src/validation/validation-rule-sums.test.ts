import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';
import { bundleBalances } from '../queries/bundle-balances.js';
import { codesToIds } from '../queries/codes-to-ids.js';
import { generateSampleGroup, type SampleGroupSummary } from '../sample-group/generate-sample-group.js';
import { openIsolatedPostgres, postgresTestTarget } from '../testing/postgres-test-target.js';
import type { RuleSelector } from './rule-selector.js';
import {
  evaluateValidationRules,
  type RuleEvaluationScope,
  type ValidationRuleEvaluation,
} from './validation-rule-evaluation.js';

const target = await postgresTestTarget();
const backends = [
  {
    kind: 'SQLite',
    open: async () => ({ handle: await openConsoDb('sqlite::memory:'), dispose: async () => {} }),
  },
  ...(target.url === undefined
    ? []
    : [
        {
          kind: 'PostgreSQL',
          open: async () => {
            const isolated = await openIsolatedPostgres(target.url!);
            return { handle: isolated.handle, dispose: () => isolated.dispose() };
          },
        },
      ]),
];

interface Account {
  id: number;
  code: string;
  type: string;
  role: string | null;
  is_summary: number;
}

/**
 * One side of a test rule: the selector stored, and which bundle rows the test means it to pick,
 * stated on its own so the expected sums do not go through the code under test.
 */
interface Side {
  selector: RuleSelector;
  picks: (account: Account, flowCode: string | null) => boolean;
}

interface TestRule {
  code: string;
  left: Side;
  right?: Side;
  operator: 'equal' | 'opposite';
  /** In currency units, as stored. */
  tolerance: number;
}

/**
 * Rules over a generated chart: two whose explicit account lists overlap each other and the typed
 * rules, one on flows (a flow given twice), one whose left side picks only summary accounts (an
 * empty set) against a right side with no flow at all (another empty set), one with no right side.
 * The accounts of codes 18 and 19 in code order (equity in the generated chart) are in no rule.
 */
function testRules(accounts: readonly Account[]): TestRule[] {
  const detail = accounts.filter((a) => a.is_summary === 0).sort((a, b) => (a.code < b.code ? -1 : 1));
  const codes = (from: number, to: number) => detail.slice(from, to).map((a) => a.code);
  const inCodes = (list: readonly string[]) => (a: Account) => list.includes(a.code);
  const summary = accounts.find((a) => a.is_summary === 1)!;
  const first = codes(0, 12);
  const second = codes(6, 18);
  const flowed = codes(20, 32);
  const few = codes(5, 8);
  const alone = codes(70, 71);
  return [
    {
      code: 'A-OVERLAP',
      left: { selector: { accounts: first }, picks: inCodes(first) },
      right: { selector: { accounts: second }, picks: inCodes(second) },
      operator: 'opposite',
      tolerance: 0,
    },
    {
      code: 'B-TYPES',
      left: { selector: { types: ['BS'] }, picks: (a) => a.type === 'BS' },
      right: {
        selector: { roles: ['ic'], accounts: codes(10, 15) },
        picks: (a) => a.role === 'ic' || codes(10, 15).includes(a.code),
      },
      operator: 'equal',
      tolerance: 250_000,
    },
    {
      code: 'C-FLOWS',
      left: {
        selector: { accounts: flowed, flows: ['F20', 'F20'] },
        picks: (a, flow) => flowed.includes(a.code) && flow === 'F20',
      },
      right: { selector: { types: ['PL'] }, picks: (a) => a.type === 'PL' },
      operator: 'equal',
      tolerance: 0,
    },
    {
      code: 'D-EMPTY',
      left: { selector: { accounts: [summary.code] }, picks: () => false },
      right: { selector: { accounts: few, flows: [] }, picks: () => false },
      operator: 'equal',
      tolerance: 0,
    },
    {
      code: 'E-EMPTY-LEFT',
      left: { selector: { accounts: [summary.code] }, picks: () => false },
      right: { selector: { accounts: few }, picks: inCodes(few) },
      operator: 'equal',
      tolerance: 0,
    },
    {
      code: 'F-ALONE',
      left: { selector: { accounts: alone }, picks: inCodes(alone) },
      operator: 'equal',
      tolerance: 10,
    },
  ];
}

/** What the evaluation must return, summed row by row here from every bundle row of the scope. */
async function expectedEvaluation(
  db: ConsoDb['db'],
  scope: RuleEvaluationScope,
  rules: readonly TestRule[],
): Promise<Required<ValidationRuleEvaluation> & { rowsInNoRule: number }> {
  const accounts = new Map(
    (
      await db
        .selectFrom('accounts')
        .select(['id', 'code', 'type', 'role', 'is_summary'])
        .where('customer_id', '=', scope.customerId)
        .execute()
    ).map((a) => [a.id, a]),
  );
  const codesById = async (table: 'flows' | 'companies') =>
    new Map([...(await codesToIds(db, table, scope.customerId))].map(([code, id]) => [id, code]));
  const flows = await codesById('flows');
  const companies = await codesById('companies');
  const rows = await db
    .selectFrom('bundles')
    .select(['company_id', 'account_id', 'flow_id', 'amount'])
    .where('period_id', '=', scope.periodId)
    .where('category_id', '=', scope.categoryId)
    .execute();
  const sides = new Map<number, { left: number[]; right: number[]; total: number }>();
  let rowsInNoRule = 0;
  for (const row of rows) {
    const account = accounts.get(row.account_id)!;
    const flow = row.flow_id === null ? null : flows.get(row.flow_id)!;
    const cents = Math.round(Number(row.amount) * 100);
    const company = sides.get(row.company_id) ?? {
      left: rules.map(() => 0),
      right: rules.map(() => 0),
      total: 0,
    };
    sides.set(row.company_id, company);
    company.total += cents;
    let picked = false;
    rules.forEach((rule, i) => {
      if (rule.left.picks(account, flow)) {
        company.left[i]! += cents;
        picked = true;
      }
      if (rule.right?.picks(account, flow) === true) {
        company.right[i]! += cents;
        picked = true;
      }
    });
    if (!picked) rowsInNoRule += 1;
  }
  const ordered = [...sides].sort(([a], [b]) => (companies.get(a)! < companies.get(b)! ? -1 : 1));
  const evaluation: Required<ValidationRuleEvaluation> = {
    outcomes: [],
    failures: [],
    totals: new Map([...sides].map(([id, s]) => [id, s.total])),
  };
  [...rules]
    .map((rule, i) => ({ rule, i }))
    .sort((a, b) => (a.rule.code < b.rule.code ? -1 : 1))
    .forEach(({ rule, i }) => {
      let failed = 0;
      for (const [id, s] of ordered) {
        const expected = rule.operator === 'equal' ? s.right[i]! : -s.right[i]!;
        const left = s.left[i]!;
        if (Math.abs(left - expected) <= Math.round(rule.tolerance * 100)) continue;
        failed += 1;
        evaluation.failures.push({
          rule: rule.code,
          name: `Rule ${rule.code}`,
          company: companies.get(id)!,
          expected: expected / 100,
          actual: left / 100,
          difference: (left - expected) / 100,
          blocking: false,
        });
      }
      evaluation.outcomes.push({
        rule: rule.code,
        name: `Rule ${rule.code}`,
        checks: ordered.length,
        failures: failed,
        blocking: false,
      });
    });
  return { ...evaluation, rowsInNoRule };
}

describe.each(backends)('evaluateValidationRules against row-by-row sums on $kind', ({ open }) => {
  let handle: ConsoDb;
  let dispose: () => Promise<void>;
  let sample: SampleGroupSummary;
  let scope: RuleEvaluationScope;
  let rules: TestRule[];

  beforeAll(async () => {
    ({ handle, dispose } = await open());
    await migrateToLatest(handle.db);
    sample = await generateSampleGroup(handle.db, { companies: 9, accounts: 80, seed: 23 });
    scope = { customerId: sample.customerId, periodId: sample.periodId, categoryId: sample.categoryId };
    const accounts = await handle.db
      .selectFrom('accounts')
      .select(['id', 'code', 'type', 'role', 'is_summary'])
      .where('customer_id', '=', sample.customerId)
      .execute();
    rules = testRules(accounts);
    await handle.db
      .insertInto('validation_rules')
      .values(
        rules.map((rule) => ({
          customer_id: sample.customerId,
          code: rule.code,
          name: `Rule ${rule.code}`,
          left_selector: JSON.stringify(rule.left.selector),
          right_selector: rule.right === undefined ? null : JSON.stringify(rule.right.selector),
          operator: rule.operator,
          tolerance: rule.tolerance,
          is_blocking: 0 as const,
          enabled: 1 as const,
        })),
      )
      .execute();
    // Generated bundles all balance: unbalance two companies so the totals are not all 0.
    const [one, two] = await handle.db
      .selectFrom('companies')
      .select('id')
      .where('customer_id', '=', sample.customerId)
      .orderBy('code')
      .limit(2)
      .execute();
    for (const [company, amount] of [
      [one!.id, 1234.56],
      [two!.id, -0.07],
    ] as const) {
      const { id: _id, ...row } = await handle.db
        .selectFrom('bundles')
        .selectAll()
        .where('period_id', '=', sample.periodId)
        .where('company_id', '=', company)
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      await handle.db
        .insertInto('bundles')
        .values({ ...row, amount })
        .execute();
    }
  }, 120_000);

  afterAll(async () => dispose?.());

  it('gives every rule, total and failure the row-by-row sums give', async () => {
    const expected = await expectedEvaluation(handle.db, scope, rules);
    // The cases this test is for: rows no rule picks, rules that pass and rules that fail.
    expect(expected.rowsInNoRule).toBeGreaterThan(0);
    expect(expected.outcomes.some((o) => o.failures === 0)).toBe(true);
    expect(expected.outcomes.some((o) => o.failures > 0)).toBe(true);
    expect([...expected.totals.values()].filter((t) => t !== 0)).toHaveLength(2);
    const { rowsInNoRule: _rows, ...wanted } = expected;
    expect(await evaluateValidationRules(handle.db, scope, { totals: true })).toEqual(wanted);
    // Several passes under a small parameter budget, the BS side of B-TYPES (33 accounts) summed in
    // parts: the same result.
    expect(await evaluateValidationRules(handle.db, scope, { totals: true, maxParameters: 20 })).toEqual(
      wanted,
    );
    // The totals are the balances the bare balance query sums.
    const balances = await bundleBalances(handle.db, {
      periodId: sample.periodId,
      categoryId: sample.categoryId,
    });
    expect(wanted.totals).toEqual(new Map(balances.map((b) => [b.companyId, b.totalCents])));
  });

  it('keeps to the companies asked for, with the sums it gives for them among all', async () => {
    const all = await evaluateValidationRules(handle.db, scope);
    const ids = [...(await bundleBalances(handle.db, scope)).map((b) => b.companyId)].slice(0, 4);
    const codes = new Set(
      (await handle.db.selectFrom('companies').select('code').where('id', 'in', ids).execute()).map(
        (c) => c.code,
      ),
    );
    const some = await evaluateValidationRules(handle.db, { ...scope, companyIds: ids });
    expect(some.outcomes.map((o) => o.checks)).toEqual(rules.map(() => 4));
    expect(some.failures).toEqual(all.failures.filter((f) => codes.has(f.company)));
  });
});

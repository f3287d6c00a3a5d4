import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { SampleGroupSummary } from '../sample-group/generate-sample-group.js';
import { ACCOUNT_ROLE_VALUES } from '../schema/column-kinds.js';
import type { ConsoDatabase } from '../schema/conso-database.js';

/** Asserts the special structures a generated sample group must contain. */
export async function checkSampleStructures(
  db: Kysely<ConsoDatabase>,
  sample: SampleGroupSummary,
): Promise<void> {
  const { customerId, consoId } = sample;
  expect(sample.consoCode).toMatch(/^\d{4}12ACT001$/);

  const accounts = await db
    .selectFrom('accounts')
    .selectAll()
    .where('customer_id', '=', customerId)
    .execute();
  expect(new Set(accounts.map((a) => a.role).filter((r) => r !== null))).toEqual(
    new Set(ACCOUNT_ROLE_VALUES),
  );
  expect(accounts.filter((a) => a.is_summary === 0).every((a) => a.parent_id !== null)).toBe(true);

  const companies = await db
    .selectFrom('companies')
    .selectAll()
    .where('customer_id', '=', customerId)
    .execute();
  const byCode = new Map(companies.map((c) => [c.code, c]));
  const codeOf = new Map(companies.map((c) => [c.id, c.code]));
  expect(new Set(companies.map((c) => c.currency)).size).toBeGreaterThanOrEqual(4);

  const ownerships = await db.selectFrom('ownerships').selectAll().where('conso_id', '=', consoId).execute();
  const own = (code: string) => ownerships.find((o) => o.company_id === byCode.get(code)!.id)!;
  expect(own(sample.structures.parent)).toMatchObject({ method: 'G', group_pct: 1 });
  expect(own(sample.structures.associate)).toMatchObject({ method: 'E', group_pct: 0.3 });
  expect(own(sample.structures.jointVenture)).toMatchObject({
    method: 'P',
    group_pct: 0.5,
    integration_pct: 0.5,
  });
  const minorities = ownerships.filter((o) => o.method === 'G' && o.minority_pct > 0);
  expect(minorities.length).toBeGreaterThanOrEqual(2);
  for (const o of minorities) expect(o.group_pct + o.minority_pct).toBeCloseTo(1, 9);

  const holdings = await db.selectFrom('holdings').selectAll().where('conso_id', '=', consoId).execute();
  const [a, b] = sample.structures.crossHolding.map((code) => byCode.get(code)!.id);
  expect(holdings.some((h) => h.holder_company_id === a && h.held_company_id === b)).toBe(true);
  expect(holdings.some((h) => h.holder_company_id === b && h.held_company_id === a)).toBe(true);
  const pref = byCode.get(sample.structures.preferenceShares)!.id;
  const prefHolding = holdings.find((h) => h.held_company_id === pref)!;
  expect(prefHolding.financial_pct).toBeLessThan(prefHolding.voting_pct);
  const classes = await db.selectFrom('share_classes').selectAll().where('conso_id', '=', consoId).execute();
  expect(
    classes.some((c) => c.company_id === pref && c.class_code === 'PREF' && c.votes_per_share === 0),
  ).toBe(true);

  const investments = await db
    .selectFrom('investments')
    .selectAll()
    .where('conso_id', '=', consoId)
    .execute();
  expect(investments).toHaveLength(holdings.length);
  const accountId = (code: string) => accounts.find((acc) => acc.code === code)!.id;
  const bundles = await db
    .selectFrom('bundles')
    .selectAll()
    .where('period_id', '=', sample.periodId)
    .where('category_id', '=', sample.categoryId)
    .execute();
  const lines = (code: string) =>
    bundles.filter((row) => row.account_id === accountId(code) && codeOf.has(row.company_id));
  expect(lines('2100').filter((row) => row.partner_company_id !== null)).toHaveLength(holdings.length);

  // Intercompany: receivable of A on B against B's payable to A, compared in EUR at closing rates.
  const rates = await db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('period_id', '=', sample.periodId)
    .where('category_id', '=', sample.categoryId)
    .execute();
  const closing = new Map(rates.map((r) => [r.currency, r.closing_rate]));
  for (const c of companies) expect(closing.has(c.currency), c.currency).toBe(true);
  const currencyOf = new Map(companies.map((c) => [c.id, c.currency]));
  const eur = (row: { company_id: number; amount: number }) =>
    row.amount * closing.get(currencyOf.get(row.company_id)!)!;
  const payables = new Map(lines('4400').map((row) => [`${row.partner_company_id}>${row.company_id}`, row]));
  let matched = 0;
  let mismatched = 0;
  for (const receivable of lines('1400')) {
    const payable = payables.get(`${receivable.company_id}>${receivable.partner_company_id}`);
    expect(payable, 'every receivable has a counterpart payable').toBeDefined();
    if (Math.abs(eur(receivable) + eur(payable!)) < 0.5) matched++;
    else mismatched++;
  }
  expect(matched).toBeGreaterThan(mismatched);
  expect(matched + mismatched).toBeGreaterThan(0);

  const historical = await db
    .selectFrom('historical_rates')
    .selectAll()
    .where('conso_id', '=', consoId)
    .execute();
  const foreign = companies.filter((c) => c.currency !== 'EUR');
  expect(historical).toHaveLength(foreign.length * 2);
  expect(historical.filter((h) => h.rate !== null)).toHaveLength(foreign.length);
  expect(historical.filter((h) => h.amount_gc !== null)).toHaveLength(foreign.length);

  const journals = await db
    .selectFrom('adjustment_journals')
    .selectAll()
    .where('conso_id', '=', consoId)
    .execute();
  expect(journals.length).toBeGreaterThanOrEqual(3);
  for (const journal of journals) {
    const journalLines = await db
      .selectFrom('adjustment_lines')
      .select('amount')
      .where('journal_id', '=', journal.id)
      .execute();
    expect(journal.is_balanced).toBe(1);
    expect(journalLines.reduce((sum, line) => sum + Math.round(line.amount * 100), 0)).toBe(0);
  }
}

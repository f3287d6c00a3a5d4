import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { LoadedCase } from '../case-loading/load-case.js';
import { AMOUNT_TOLERANCE, cleanAmount } from '../engine/index.js';
import type { OwnershipDetails } from '../jobs/ownership-details.js';
import { CodeMap } from '../loading/code-map.js';
import { STEP_NAMES, stepRef } from '../writing/step-names.js';

/** Amounts this small are float noise, not an IC posting (the engine's own threshold). */
const NOISE = 1e-9;

type Nested = Record<string, Record<string, number>>;

async function codeMaps(db: Kysely<ConsoDatabase>, customerId: number) {
  const of = async (table: 'companies' | 'accounts' | 'flows') =>
    new CodeMap(
      await db
        .selectFrom(table)
        .select(['id', 'code'])
        .where('customer_id', '=', customerId)
        .orderBy('id')
        .execute(),
    );
  return { companies: await of('companies'), accounts: await of('accounts'), flows: await of('flows') };
}

function put(target: Nested, outer: string, inner: string, amount: number): void {
  const row = target[outer] ?? {};
  row[inner] = cleanAmount((row[inner] ?? 0) + amount);
  target[outer] = row;
}

/**
 * Reads a ConsolidationRun case's results back from `consolidated_data`, in the shape of the
 * engine's `evaluateCase`: translated bundles (step `bundles`), translated adjustments per journal
 * (`adjustments#<journal>`), IC entries per rule (`elims.ic#<rule>`) and the consolidated TB (the
 * sum of every row of the conso per account, zero totals left out).
 */
export async function readRunResults(
  db: Kysely<ConsoDatabase>,
  loaded: LoadedCase,
): Promise<Record<string, unknown>> {
  const codes = await codeMaps(db, loaded.customerId);
  const rows = await db
    .selectFrom('consolidated_data')
    .select([
      'step',
      'company_id',
      'partner_company_id',
      'account_id',
      sql<number>`sum(amount_gc)`.as('amount'),
    ])
    .where('conso_id', '=', loaded.consoId)
    .groupBy(['step', 'company_id', 'partner_company_id', 'account_id'])
    .orderBy('company_id')
    .orderBy('account_id')
    .execute();
  const journals = new CodeMap(
    await db
      .selectFrom('adjustment_journals')
      .select(['id', 'code'])
      .where('conso_id', '=', loaded.consoId)
      .orderBy('id')
      .execute(),
  );
  const rules = new CodeMap(
    await db
      .selectFrom('ic_rules')
      .select(['id', 'code'])
      .where('customer_id', '=', loaded.customerId)
      .orderBy('id')
      .execute(),
  );
  const sides = await db
    .selectFrom('ic_rule_accounts')
    .select(['ic_rule_id', 'account_id', 'side'])
    .execute();
  const sideOf = (ruleId: number, accountId: number): string | undefined =>
    sides.find((s) => s.ic_rule_id === ruleId && s.account_id === accountId)?.side;
  const bundles: Nested = {};
  const adjustments: Nested = {};
  const ic = new Map<
    string,
    { rule: string; company: string; partner: string; account: string; amount: number; order: number[] }
  >();
  const tb = new Map<number, number>();
  for (const row of rows) {
    const amount = Number(row.amount);
    const account = codes.accounts.codeOf(row.account_id);
    const company = codes.companies.codeOf(row.company_id);
    tb.set(row.account_id, (tb.get(row.account_id) ?? 0) + amount);
    // A translated bundle is the bundle step's rows plus what the formulas added to it.
    if (row.step === STEP_NAMES.bundles || row.step === STEP_NAMES.formulas)
      put(bundles, company, account, amount);
    else if (row.step.startsWith(STEP_NAMES.adjustmentsPrefix)) {
      put(adjustments, journals.code(stepRef(row.step) ?? 0) ?? row.step, account, amount);
    } else if (row.step.startsWith(STEP_NAMES.icPrefix) && row.partner_company_id !== null) {
      const ruleId = stepRef(row.step) ?? 0;
      const key = `${ruleId}/${row.company_id}/${row.partner_company_id}/${row.account_id}`;
      const prior = ic.get(key);
      ic.set(key, {
        rule: rules.code(ruleId) ?? row.step,
        company,
        partner: codes.companies.codeOf(row.partner_company_id),
        account,
        amount: (prior?.amount ?? 0) + amount,
        order: icOrder(
          ruleId,
          row.company_id,
          row.partner_company_id,
          row.account_id,
          sideOf(ruleId, row.account_id),
        ),
      });
    }
  }
  const entries = [...ic.values()]
    .filter((e) => Math.abs(e.amount) > NOISE)
    .sort((a, b) => compareArrays(a.order, b.order))
    .map(({ order: _order, ...e }) => ({ ...e, amount: cleanAmount(e.amount) }));
  const consolidated: Record<string, number> = {};
  for (const [accountId, amount] of [...tb].sort((a, b) => a[0] - b[0])) {
    if (Math.abs(amount) >= AMOUNT_TOLERANCE)
      consolidated[codes.accounts.codeOf(accountId)] = cleanAmount(amount);
  }
  return {
    translated_bundles: bundles,
    translated_adjustments: adjustments,
    ic_elimination_entries: entries,
    consolidated_tb: consolidated,
  };
}

/**
 * Sort key that lists IC entries as the engine does: by rule, then by ordered pair (c1, c2) of
 * the perimeter, c1's side-A postings, then c2's side-B postings, then the difference on c1.
 */
function icOrder(
  ruleId: number,
  company: number,
  partner: number,
  account: number,
  side: string | undefined,
): number[] {
  if (side === 'B') return [ruleId, partner, company, 1, account];
  return [ruleId, company, partner, side === 'A' ? 0 : 2, account];
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Reads a CalculateIndirectPercentages case's results: percentages and methods from `ownerships`,
 * plus the exact fractions, direct holdings and inverse matrix the job returned as details.
 */
export async function readOwnershipResults(
  db: Kysely<ConsoDatabase>,
  loaded: LoadedCase,
  details: OwnershipDetails | undefined,
): Promise<Record<string, unknown>> {
  const codes = await codeMaps(db, loaded.customerId);
  const rows = await db
    .selectFrom('ownerships')
    .selectAll()
    .where('conso_id', '=', loaded.consoId)
    .orderBy('company_id')
    .execute();
  const companies: Record<string, unknown> = {};
  for (const row of rows) {
    const code = codes.companies.codeOf(row.company_id);
    const exact = details?.exact[code];
    companies[code] = {
      interest: Number(row.group_pct),
      control: Number(row.control_pct),
      method: row.method,
      minority: Number(row.minority_pct),
      integration: Number(row.integration_pct),
      ...(exact === undefined ? {} : { exact }),
    };
  }
  const output: Record<string, unknown> = {};
  if (loaded.step === 'CalculateIndirectPercentages' && loaded.shareRegisters)
    output.direct = details?.direct ?? [];
  output.companies = companies;
  if (details?.inverse !== undefined) output.inverse_matrix_I_minus_A = details.inverse;
  return output;
}

/** Reads a LinkedCategories case's result: the target's opening-flow bundle per company and account. */
export async function readLinkedResults(
  db: Kysely<ConsoDatabase>,
  loaded: LoadedCase,
): Promise<Record<string, unknown>> {
  const codes = await codeMaps(db, loaded.customerId);
  const rows = await db
    .selectFrom('bundles as b')
    .innerJoin('consos as c', (join) =>
      join.onRef('c.period_id', '=', 'b.period_id').onRef('c.category_id', '=', 'b.category_id'),
    )
    .innerJoin('flows as f', 'f.id', 'b.flow_id')
    .select(['b.company_id', 'b.account_id', 'b.amount'])
    .where('c.id', '=', loaded.consoId)
    .where('f.kind', '=', 'opening')
    .orderBy('b.id')
    .execute();
  const opening: Nested = {};
  for (const row of rows) {
    put(
      opening,
      codes.companies.codeOf(row.company_id),
      codes.accounts.codeOf(row.account_id),
      Number(row.amount),
    );
  }
  return { target_opening: opening };
}

/** Reads a flows case's result: the account's translated flows and its closing in group currency. */
export async function readFlowsResults(
  db: Kysely<ConsoDatabase>,
  loaded: LoadedCase,
): Promise<Record<string, unknown>> {
  if (loaded.step !== 'Bundles.translation_of_flows') return {};
  const codes = await codeMaps(db, loaded.customerId);
  const rows = await db
    .selectFrom('consolidated_data')
    .select(['flow_id', sql<number>`sum(amount_gc)`.as('amount')])
    .where('conso_id', '=', loaded.consoId)
    .where('step', '=', STEP_NAMES.bundles)
    .where('account_id', '=', codes.accounts.id(loaded.account) ?? 0)
    .where('company_id', '=', codes.companies.id(loaded.company) ?? 0)
    .groupBy('flow_id')
    .orderBy('flow_id')
    .execute();
  const flows: Record<string, number> = {};
  let closing = 0;
  for (const row of rows) {
    closing += Number(row.amount);
    if (row.flow_id !== null) flows[codes.flows.codeOf(row.flow_id)] = cleanAmount(Number(row.amount));
  }
  if (loaded.closingFlow !== undefined) flows[loaded.closingFlow] = cleanAmount(closing);
  return { flows_gc: flows, closing_gc: cleanAmount(closing) };
}

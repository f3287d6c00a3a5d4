import { type Kysely, sql } from 'kysely';
import type { ApplyCounts, ImportMode } from '../apply/write-staged-rows.js';
import { writeStagedRows } from '../apply/write-staged-rows.js';
import type { ConsoDatabase } from '../db/conso-db.js';
import type { StagingTable } from '../stage/staging-table.js';

type Loose = Kysely<unknown>;

/** Adds one apply's counts into a total. */
export function addCounts(total: ApplyCounts, more: ApplyCounts): void {
  total.deleted += more.deleted;
  total.updated += more.updated;
  total.inserted += more.inserted;
}

/**
 * Upserts coded master data (companies, categories, periods, flows, accounts) of a customer by
 * code. Master data is always merged, never replaced: bundles, journals and consos reference it.
 */
export function mergeMasterData(
  trx: Kysely<ConsoDatabase>,
  staging: StagingTable,
  table: 'companies' | 'categories' | 'periods' | 'flows' | 'accounts',
  customerId: number,
  columns: readonly { name: string; nullable?: boolean }[],
): Promise<ApplyCounts> {
  return writeStagedRows(
    trx as Loose,
    staging,
    {
      table,
      columns,
      constants: { customer_id: customerId },
      key: ['code'],
      scope: [{ column: 'customer_id', equals: customerId }],
    },
    'merge',
  );
}

/** Sets each staged account's parent from its parent code (null when none). */
export async function linkAccountParents(
  trx: Kysely<ConsoDatabase>,
  staging: StagingTable,
  customerId: number,
): Promise<void> {
  const s = sql.table(staging.name);
  await sql`update accounts set parent_id = (
      select p.id from ${s} as s join accounts as p on p.customer_id = ${customerId} and p.code = s.parent_code
      where s.code = accounts.code)
    where customer_id = ${customerId} and code in (select code from ${s})`.execute(trx);
}

/** Fills a staged id column from the code column beside it, now that the master data is written. */
export async function resolveStagedIds(
  trx: Kysely<ConsoDatabase>,
  staging: StagingTable,
  table: 'companies' | 'accounts',
  customerId: number,
  pairs: readonly [codeColumn: string, idColumn: string][],
): Promise<void> {
  const sets = sql.join(
    pairs.map(
      ([code, id]) =>
        sql`${sql.id(id)} = (select m.id from ${sql.table(table)} as m where m.customer_id = ${customerId} and m.code = ${sql.ref(`${staging.name}.${code}`)})`,
    ),
  );
  await sql`update ${sql.table(staging.name)} set ${sets}`.execute(trx);
}

/** Writes a conso's holdings from staging (ids resolved). */
export function writeHoldings(
  trx: Kysely<ConsoDatabase>,
  staging: StagingTable,
  consoId: number,
  mode: ImportMode,
): Promise<ApplyCounts> {
  return writeStagedRows(
    trx as Loose,
    staging,
    {
      table: 'holdings',
      columns: [
        { name: 'holder_company_id' },
        { name: 'held_company_id' },
        { name: 'financial_pct' },
        { name: 'voting_pct' },
      ],
      constants: { conso_id: consoId },
      key: ['holder_company_id', 'held_company_id'],
      scope: [{ column: 'conso_id', equals: consoId }],
    },
    mode,
  );
}

/**
 * Writes IC rules from staged rule lines (ids resolved): `replace` drops all the customer's rules,
 * `merge` the accounts of the rules in the file and updates those rules in place.
 */
export async function writeIcRules(
  trx: Kysely<ConsoDatabase>,
  staging: StagingTable,
  customerId: number,
  mode: ImportMode,
): Promise<ApplyCounts> {
  const s = sql.table(staging.name);
  let rules = trx.selectFrom('ic_rules').select('id').where('customer_id', '=', customerId);
  if (mode === 'merge') rules = rules.where(sql<boolean>`${sql.ref('code')} in (select rule_code from ${s})`);
  const deleted = await trx
    .deleteFrom('ic_rule_accounts')
    .where('ic_rule_id', 'in', rules)
    .executeTakeFirst();
  let updated = 0;
  if (mode === 'replace') {
    await trx.deleteFrom('ic_rules').where('customer_id', '=', customerId).execute();
  } else {
    const result = await sql`update ic_rules set
        name = (select min(s.name) from ${s} as s where s.rule_code = ic_rules.code),
        difference_account_id = (select min(s.difference_account_id) from ${s} as s where s.rule_code = ic_rules.code),
        tolerance = (select min(s.tolerance) from ${s} as s where s.rule_code = ic_rules.code)
      where customer_id = ${customerId} and code in (select rule_code from ${s})`.execute(trx);
    updated = Number(result.numAffectedRows ?? 0n);
  }
  await sql`insert into ic_rules (customer_id, code, name, difference_account_id, tolerance)
    select ${customerId}, s.rule_code, min(s.name), min(s.difference_account_id), min(s.tolerance) from ${s} as s
    where s.rule_code not in (select code from ic_rules where customer_id = ${customerId})
    group by s.rule_code order by min(s.row_no)`.execute(trx);
  const lines = await sql`insert into ic_rule_accounts (ic_rule_id, side, account_id)
    select r.id, s.side, s.account_id from ${s} as s join ic_rules as r on r.customer_id = ${customerId} and r.code = s.rule_code
    order by s.row_no`.execute(trx);
  return { deleted: Number(deleted.numDeletedRows), updated, inserted: Number(lines.numAffectedRows ?? 0n) };
}

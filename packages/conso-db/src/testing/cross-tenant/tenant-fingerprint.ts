import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConsoDatabase, ConsoTableName } from '../../schema/conso-database.js';
import { SHARED_TABLES } from '../../scope/shared-tables.js';
import { ROUND_TRIP_ORDER } from '../round-trip-fixtures.js';

type Row = Record<string, unknown>;

/**
 * Which table a foreign-key column points to. A row belongs to a customer through its
 * `customer_id`, or through any of these columns pointing at a row that does.
 */
export const OWNER_COLUMNS: Readonly<Record<string, ConsoTableName>> = {
  customer_id: 'customers',
  company_id: 'companies',
  holder_company_id: 'companies',
  held_company_id: 'companies',
  partner_company_id: 'companies',
  parent_company_id: 'companies',
  conso_id: 'consos',
  source_conso_id: 'consos',
  target_conso_id: 'consos',
  period_id: 'periods',
  category_id: 'categories',
  account_id: 'accounts',
  target_account_id: 'accounts',
  difference_account_id: 'accounts',
  flow_id: 'flows',
  journal_id: 'adjustment_journals',
  ic_rule_id: 'ic_rules',
  formula_group_id: 'formula_groups',
  share_class_id: 'share_classes',
  user_id: 'users',
  procedure_id: 'custom_procedures',
  process_id: 'closing_processes',
};

/**
 * A fingerprint per table of every row one customer owns — directly or through any chain of
 * foreign keys — plus every row of the tables all customers share. Two equal fingerprints taken
 * around a job prove that the job changed none of that customer's data, in any table, including
 * tables added after this was written (the table list is the schema's).
 */
export async function tenantDataFingerprint(
  db: Kysely<ConsoDatabase>,
  customerId: number,
): Promise<Record<string, string>> {
  const rows = new Map<ConsoTableName, Row[]>();
  for (const table of ROUND_TRIP_ORDER) {
    rows.set(table, (await db.selectFrom(table).selectAll().execute()) as Row[]);
  }
  const owned = ownedIds(rows, customerId);
  const result: Record<string, string> = {};
  for (const [table, all] of rows) {
    const shared = (SHARED_TABLES as readonly string[]).includes(table);
    const mine = shared ? all : all.filter((row) => isOwned(table, row, owned, customerId));
    const hash = createHash('sha256');
    for (const line of mine.map(canonical).sort()) hash.update(`${line}\n`);
    result[table] = `${mine.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return result;
}

function ownedIds(rows: Map<ConsoTableName, Row[]>, customerId: number): Map<ConsoTableName, Set<number>> {
  const owned = new Map<ConsoTableName, Set<number>>();
  owned.set('customers', new Set([customerId]));
  // Ownership flows along foreign keys; repeat until no table gains a row (journal → lines...).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [table, all] of rows) {
      if (table === 'customers') continue;
      const ids = owned.get(table) ?? new Set<number>();
      for (const row of all) {
        const id = Number(row.id);
        if (Number.isFinite(id) && !ids.has(id) && isOwned(table, row, owned, customerId)) {
          ids.add(id);
          changed = true;
        }
      }
      owned.set(table, ids);
    }
  }
  return owned;
}

function isOwned(
  table: ConsoTableName,
  row: Row,
  owned: Map<ConsoTableName, Set<number>>,
  customerId: number,
): boolean {
  if (table === 'customers') return Number(row.id) === customerId;
  return Object.entries(OWNER_COLUMNS).some(([column, target]) => {
    const value = row[column];
    return value !== null && value !== undefined && owned.get(target)?.has(Number(value)) === true;
  });
}

// Dialects return numbers, strings and dates differently; normalise so only real changes count.
function canonical(row: Row): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((key) => {
        const value = row[key];
        if (value instanceof Date) return [key, value.toISOString()];
        if (typeof value === 'bigint') return [key, value.toString()];
        if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return [key, Number(value)];
        return [key, value ?? null];
      }),
  );
}

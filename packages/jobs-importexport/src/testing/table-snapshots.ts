import { createHash } from 'node:crypto';
import type { ConsoDb, ConsoTableName } from '@hangar/conso-db';

/** Adjustment journals and lines of a conso with codes, sorted (ids and timestamps left out). */
export async function journalSnapshot(consoDb: ConsoDb, consoId: number): Promise<string[]> {
  const rows = await consoDb.db
    .selectFrom('adjustment_lines as l')
    .innerJoin('adjustment_journals as j', 'j.id', 'l.journal_id')
    .innerJoin('companies as c', 'c.id', 'j.company_id')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .leftJoin('companies as p', 'p.id', 'l.partner_company_id')
    .leftJoin('flows as f', 'f.id', 'l.flow_id')
    .select([
      'j.code',
      'j.description',
      'c.code as company',
      'j.currency',
      'j.is_balanced',
      'j.created_by',
      'a.code as account',
      'p.code as partner',
      'f.code as flow',
      'l.dimension',
      'l.amount',
    ])
    .where('j.conso_id', '=', consoId)
    .execute();
  return rows
    .map((row) =>
      Object.values(row)
        .map((v) => (v === null ? '' : String(Number.isNaN(Number(v)) ? v : v)))
        .join('|'),
    )
    .sort();
}

/** Any table's rows as sorted text lines, for before/after comparisons. */
export async function tableSnapshot(
  consoDb: ConsoDb,
  table:
    | 'exchange_rates'
    | 'historical_rates'
    | 'translations'
    | 'companies'
    | 'accounts'
    | 'flows'
    | 'holdings'
    | 'ic_rules'
    | 'ic_rule_accounts'
    | 'categories'
    | 'periods',
): Promise<string[]> {
  const rows = (await consoDb.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
  return rows
    .map((row) =>
      Object.entries(row)
        .filter(([key]) => key !== 'id')
        .map(
          ([key, value]) =>
            `${key}=${value === null ? '' : typeof value === 'number' ? Number(value) : String(value)}`,
        )
        .join('|'),
    )
    .sort();
}

/** Tables an import may write, for {@link databaseFingerprint}. */
const IMPORT_TARGETS = [
  'customers',
  'currencies',
  'companies',
  'accounts',
  'flows',
  'categories',
  'periods',
  'consos',
  'holdings',
  'investments',
  'exchange_rates',
  'historical_rates',
  'bundles',
  'adjustment_journals',
  'adjustment_lines',
  'ic_rules',
  'translations',
] as const satisfies readonly ConsoTableName[];

/**
 * Row count and a digest of the content (ids included) of every table an import may write: the
 * same before and after an import exactly when it changed no row.
 */
export async function databaseFingerprint(consoDb: ConsoDb): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const table of IMPORT_TARGETS) {
    const rows = (await consoDb.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    const lines = rows
      .map((row) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, String(v)])))
      .sort();
    fingerprint[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return fingerprint;
}

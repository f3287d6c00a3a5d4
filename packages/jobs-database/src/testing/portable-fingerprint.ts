import { createHash } from 'node:crypto';
import { CONSO_TABLES_IN_KEY_ORDER, type ConsoDatabase, SHARED_TABLES } from '@hangar/conso-db';
import { OWNER_COLUMNS } from '@hangar/conso-db/testing';
import type { Kysely } from 'kysely';

type Row = Record<string, unknown>;

/**
 * The table each id column points at: the cross-tenant fingerprint's, plus the chart's parent
 * link. Kept apart from the catalog the archive reads, so a key the archive failed to rewrite shows
 * here; a column ending in `_id` missing from it fails loudly.
 */
const REFERENCES: Readonly<Record<string, string>> = { ...OWNER_COLUMNS, parent_id: 'accounts' };

/**
 * Columns ending in `_id` that are values, not keys of this database: a closing step's queue job
 * id names a job of the queue, which an archive carries as it is.
 */
const VALUE_COLUMNS: ReadonlySet<string> = new Set(['closing_steps.job_id']);

/**
 * A fingerprint per table of one customer's rows that no id enters: each row is hashed without its
 * `id`, every key replaced by the hash of the row it points at. Equal between two databases when
 * the customer's data is the same there, whatever ids each gave it (a restore into another database).
 */
export async function portableTenantFingerprint(
  db: Kysely<ConsoDatabase>,
  customerId: number,
): Promise<Record<string, string>> {
  const tables = CONSO_TABLES_IN_KEY_ORDER.filter(
    (table) => !(SHARED_TABLES as readonly string[]).includes(table),
  );
  const rows = new Map<string, Row[]>();
  for (const table of tables) rows.set(table, (await db.selectFrom(table).selectAll().execute()) as Row[]);
  const byId = new Map<string, Map<number, Row>>();
  for (const [table, all] of rows) byId.set(table, new Map(all.map((row) => [Number(row.id), row])));
  const owned = new Map<string, Set<number>>([['customers', new Set([customerId])]]);
  const ownedRow = (table: string, row: Row): boolean =>
    table === 'customers'
      ? Number(row.id) === customerId
      : Object.entries(row).some(([column, value]) => {
          const target = REFERENCES[column];
          return target !== undefined && value !== null && owned.get(target)?.has(Number(value)) === true;
        });
  for (let changed = true; changed; ) {
    changed = false;
    for (const [table, all] of rows) {
      const ids = owned.get(table) ?? new Set<number>();
      for (const row of all) {
        if (!ids.has(Number(row.id)) && ownedRow(table, row)) {
          ids.add(Number(row.id));
          changed = true;
        }
      }
      owned.set(table, ids);
    }
  }
  const memo = new Map<string, string>();
  const digest = (table: string, row: Row): string => {
    const key = `${table}#${String(row.id)}`;
    const known = row.id === undefined ? undefined : memo.get(key);
    if (known !== undefined) return known;
    const entries = Object.keys(row)
      .filter((column) => column !== 'id')
      .sort()
      .map((column) => {
        const value = row[column];
        const target = REFERENCES[column];
        if (column.endsWith('_id') && target === undefined && !VALUE_COLUMNS.has(`${table}.${column}`))
          throw new Error(`unknown reference column ${table}.${column}`);
        if (target !== undefined && value !== null && value !== undefined) {
          const parent = byId.get(target)?.get(Number(value));
          return [
            column,
            parent === undefined ? `missing ${target} ${String(value)}` : digest(target, parent),
          ];
        }
        return [column, canonical(value)];
      });
    const hash = createHash('sha256')
      .update(JSON.stringify([table, entries]))
      .digest('hex');
    if (row.id !== undefined) memo.set(key, hash);
    return hash;
  };
  const result: Record<string, string> = {};
  for (const [table, all] of rows) {
    const mine = all.filter((row) => ownedRow(table, row)).map((row) => digest(table, row));
    const hash = createHash('sha256');
    for (const line of mine.sort()) hash.update(`${line}\n`);
    result[table] = `${mine.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return result;
}

// Dialects return numbers, decimals and dates differently; only real differences may count. SQLite
// keeps amounts as doubles (0.30000000000000004, 1e-13 left by a subtraction) where PostgreSQL's
// DECIMAL(28,10) keeps ten decimals: numbers compare at that precision, to 15 significant digits.
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  const number =
    typeof value === 'bigint'
      ? Number(value)
      : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : value;
  if (typeof number === 'number') return Number(Number(number.toFixed(10)).toPrecision(15));
  return number ?? null;
}

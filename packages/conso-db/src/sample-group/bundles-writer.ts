import { type Kysely, sql } from 'kysely';
import { type BulkInsertOptions, bulkInsert } from '../bulk-insert.js';
import { consoDialectOf } from '../dialects/conso-dialect.js';
import type { ConsoDatabase, NewConsoRow } from '../schema/conso-database.js';

/**
 * Rows per `INSERT … SELECT FROM unnest(…)` on PostgreSQL. The statement carries eight array
 * parameters whatever the row count, so the batch is bounded by memory, not by the 65,535
 * parameter limit: 50,000 rows keep each statement near 2 MB of text.
 */
export const POSTGRES_BUNDLE_BATCH_ROWS = 50_000;

/** Writes the generated bundles; see {@link openBundleLoad}. */
export interface BundleLoad {
  /** Inserts `rows` in the order given; returns how many it wrote. */
  insert(rows: Iterable<NewConsoRow<'bundles'>>, options?: BulkInsertOptions): Promise<number>;
}

interface ForeignKey {
  name: string;
  definition: string;
}

/**
 * Prepares the bundle load of one generation; call it first in the generator's transaction.
 *
 * On PostgreSQL a group of 1,000 companies × 2,000 accounts is millions of rows, and two costs
 * dominate: multi-row `VALUES` statements pay one bind parameter per cell (each compiled by
 * kysely), and every row fires one foreign-key trigger per reference (six on `bundles`). So the
 * rows travel as one array per column, expanded by `unnest` in one statement per batch, and when
 * the connection owns the table the foreign keys are dropped for the load and added back
 * `NOT VALID` then validated: one set-based check per key instead of millions of row lookups.
 * The constraints come back with the very definitions read from the catalog.
 *
 * That needs an exclusive lock on `bundles` until the generator commits. It is taken here, before
 * the generator writes anything, so two generators queue instead of deadlocking; readers of
 * `bundles` wait meanwhile, which suits a sample or benchmark database. Without ownership the
 * keys stay and are checked per row. Values reach the server as the same text the driver sends
 * for scalar parameters, so the stored rows are identical. Other dialects keep the portable
 * batched path.
 */
export async function openBundleLoad(db: Kysely<ConsoDatabase>): Promise<BundleLoad> {
  if (consoDialectOf(db) !== 'postgres') {
    return { insert: (rows, options) => bulkInsert(db, 'bundles', rows, options) };
  }
  const { rows: owned } = await sql<{ owned: boolean }>`
    select pg_has_role(relowner, 'USAGE') as owned from pg_class where oid = 'bundles'::regclass`.execute(db);
  let keys: ForeignKey[] = [];
  if (owned[0]?.owned === true) {
    await sql`lock table bundles in access exclusive mode`.execute(db);
    ({ rows: keys } = await sql<ForeignKey>`
      select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = 'bundles'::regclass and contype = 'f' order by conname`.execute(db));
  }
  return {
    async insert(rows) {
      for (const key of keys) await sql`alter table bundles drop constraint ${sql.id(key.name)}`.execute(db);
      const inserted = await insertThroughArrays(db, rows);
      for (const key of keys) {
        await sql`alter table bundles add constraint ${sql.id(key.name)} ${sql.raw(key.definition)} not valid`.execute(
          db,
        );
        await sql`alter table bundles validate constraint ${sql.id(key.name)}`.execute(db);
      }
      return inserted;
    },
  };
}

async function insertThroughArrays(
  db: Kysely<ConsoDatabase>,
  rows: Iterable<NewConsoRow<'bundles'>>,
): Promise<number> {
  let columns = emptyColumns();
  let inserted = 0;
  const flush = async (): Promise<void> => {
    if (columns.amount.length === 0) return;
    const c = columns;
    // `with ordinality … order by` keeps the ids in the order the rows were generated.
    await sql`
      insert into bundles
        (company_id, period_id, category_id, account_id, partner_company_id, flow_id, dimension, amount)
      select company_id, period_id, category_id, account_id, partner_company_id, flow_id, dimension, amount
      from unnest(
        ${c.company}::integer[], ${c.period}::integer[], ${c.category}::integer[], ${c.account}::integer[],
        ${c.partner}::integer[], ${c.flow}::integer[], ${c.dimension}::text[], ${c.amount}::numeric[]
      ) with ordinality
        as r(company_id, period_id, category_id, account_id, partner_company_id, flow_id, dimension, amount, n)
      order by n`.execute(db);
    inserted += c.amount.length;
    columns = emptyColumns();
  };
  for (const row of rows) {
    columns.company.push(row.company_id);
    columns.period.push(row.period_id);
    columns.category.push(row.category_id);
    columns.account.push(row.account_id);
    columns.partner.push(row.partner_company_id ?? null);
    columns.flow.push(row.flow_id ?? null);
    columns.dimension.push(row.dimension ?? null);
    columns.amount.push(row.amount);
    if (columns.amount.length >= POSTGRES_BUNDLE_BATCH_ROWS) await flush();
  }
  await flush();
  return inserted;
}

interface BundleColumns {
  company: number[];
  period: number[];
  category: number[];
  account: number[];
  partner: (number | null)[];
  flow: (number | null)[];
  dimension: (string | null)[];
  amount: number[];
}

function emptyColumns(): BundleColumns {
  return {
    company: [],
    period: [],
    category: [],
    account: [],
    partner: [],
    flow: [],
    dimension: [],
    amount: [],
  };
}

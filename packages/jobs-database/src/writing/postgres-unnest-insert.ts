import type { ConsoDatabase, NewConsoRow } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';

/** Rows per statement: arrays travel as 9 parameters whatever their length, so batches can be large. */
const ROWS_PER_STATEMENT = 20_000;

type Row = NewConsoRow<'consolidated_data'>;

/**
 * PostgreSQL fast path of the consolidated-data insert: each batch is one `INSERT … SELECT FROM
 * unnest(...)` over nine array parameters, instead of a VALUES list of nine parameters per row,
 * which the server parses and plans once per statement and which kysely need not compile per row.
 */
export async function insertWithUnnest(trx: Kysely<ConsoDatabase>, rows: Iterable<Row>): Promise<number> {
  let written = 0;
  let batch: Row[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const column = <T>(pick: (r: Row) => T): T[] => batch.map(pick);
    await sql`insert into consolidated_data
      (conso_id, company_id, account_id, partner_company_id, flow_id, dimension, origin, step, amount_gc)
      select * from unnest(
        ${column((r) => r.conso_id)}::integer[], ${column((r) => r.company_id)}::integer[],
        ${column((r) => r.account_id)}::integer[], ${column((r) => r.partner_company_id ?? null)}::integer[],
        ${column((r) => r.flow_id ?? null)}::integer[], ${column((r) => r.dimension ?? null)}::varchar[],
        ${column((r) => r.origin)}::varchar[], ${column((r) => r.step)}::varchar[],
        ${column((r) => r.amount_gc)}::numeric[])`.execute(trx);
    written += batch.length;
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= ROWS_PER_STATEMENT) await flush();
  }
  await flush();
  return written;
}

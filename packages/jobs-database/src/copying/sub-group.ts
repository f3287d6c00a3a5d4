import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';

/**
 * A company and every company it holds, directly or through others, in the conso's holdings (and
 * share registers): the sub-group a copy takes. Walked breadth first; cycles end the walk.
 */
export async function subGroupOf(
  db: Kysely<ConsoDatabase>,
  consoId: number,
  rootId: number,
): Promise<number[]> {
  const { rows } = await sql<{ holder: number; held: number }>`
    select holder_company_id as holder, held_company_id as held from holdings where conso_id = ${consoId}
    union
    select sh.holder_company_id as holder, sc.company_id as held from shareholdings sh
      join share_classes sc on sc.id = sh.share_class_id where sc.conso_id = ${consoId}`.execute(db);
  const held = new Map<number, number[]>();
  for (const row of rows)
    held.set(Number(row.holder), [...(held.get(Number(row.holder)) ?? []), Number(row.held)]);
  const found = new Set([rootId]);
  const queue = [rootId];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const company of held.get(next) ?? []) {
      if (!found.has(company)) {
        found.add(company);
        queue.push(company);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Companies of the sub-group the target conso already has rows for (ownership, holdings, share
 * classes, journals): copying would duplicate or mix them. Returns their codes.
 */
export async function subGroupConflicts(
  db: Kysely<ConsoDatabase>,
  targetConsoId: number,
  companies: readonly number[],
): Promise<string[]> {
  const list = sql.join(companies);
  const { rows } = await sql<{ code: string }>`select distinct c.code from companies c where c.id in (
      select company_id from ownerships where conso_id = ${targetConsoId}
      union select holder_company_id from holdings where conso_id = ${targetConsoId}
      union select held_company_id from holdings where conso_id = ${targetConsoId}
      union select company_id from share_classes where conso_id = ${targetConsoId}
      union select company_id from adjustment_journals where conso_id = ${targetConsoId}
    ) and c.id in (${list}) order by c.code`.execute(db);
  return rows.map((row) => row.code);
}

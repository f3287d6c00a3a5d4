import type { ConsoDatabase, SampleGroupSummary } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import { readConso } from './read-conso.js';

/**
 * Copies the sample's ACT conso into a conso of another category of the same period (same
 * rates), with its ownerships and, unless `bundles: false`, its bundles; returns the new id.
 */
export async function copySampleConso(
  db: Kysely<ConsoDatabase>,
  sample: SampleGroupSummary,
  target: { readonly code: string; readonly category: string; readonly bundles?: boolean },
): Promise<number> {
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('customer_id', '=', sample.customerId)
    .where('code', '=', target.category)
    .executeTakeFirstOrThrow();
  const act = await readConso(db, sample.consoId);
  await db
    .insertInto('consos')
    .values({
      ...act,
      id: undefined,
      code: target.code,
      name: target.code,
      category_id: category.id,
      locked: 0,
    })
    .execute();
  const copy = await readConso(db, target.code, sample.customerId);
  if (target.bundles !== false) await copyBundles(db, act, category.id);
  await sql`insert into ownerships (conso_id, company_id, group_pct, control_pct, minority_pct, integration_pct, method, pct_override, method_override)
    select ${copy.id}, company_id, group_pct, control_pct, minority_pct, integration_pct, method, pct_override, method_override
    from ownerships where conso_id = ${act.id}`.execute(db);
  return copy.id;
}

/** Copies the bundles of a conso's period and category into another category of the period. */
export async function copyBundles(
  db: Kysely<ConsoDatabase>,
  from: { readonly period_id: number; readonly category_id: number },
  toCategoryId: number,
): Promise<void> {
  await sql`insert into bundles (company_id, period_id, category_id, account_id, partner_company_id, flow_id, dimension, amount)
    select company_id, period_id, ${toCategoryId}, account_id, partner_company_id, flow_id, dimension, amount
    from bundles where period_id = ${from.period_id} and category_id = ${from.category_id}`.execute(db);
}

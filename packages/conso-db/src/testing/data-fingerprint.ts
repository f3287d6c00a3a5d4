import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../schema/conso-database.js';

/**
 * SHA-256 over a customer's generated data, expressed in codes rather than ids so two customers
 * (or two databases) holding the same data compare equal. Amounts are taken in integer cents.
 */
export async function customerFingerprint(db: Kysely<ConsoDatabase>, customerId: number): Promise<string> {
  const hash = createHash('sha256');
  const bundles = await db
    .selectFrom('bundles as b')
    .innerJoin('companies as c', 'c.id', 'b.company_id')
    .innerJoin('accounts as a', 'a.id', 'b.account_id')
    .leftJoin('companies as p', 'p.id', 'b.partner_company_id')
    .leftJoin('flows as f', 'f.id', 'b.flow_id')
    .select([
      'c.code as company',
      'a.code as account',
      'p.code as partner',
      'f.code as flow',
      'b.dimension',
      'b.amount',
    ])
    .where('c.customer_id', '=', customerId)
    .execute();
  const lines = bundles.map((r) =>
    [r.company, r.account, r.partner, r.flow, r.dimension, Math.round(r.amount * 100)].join('|'),
  );
  const holdings = await db
    .selectFrom('holdings as h')
    .innerJoin('companies as a', 'a.id', 'h.holder_company_id')
    .innerJoin('companies as b', 'b.id', 'h.held_company_id')
    .select(['a.code as holder', 'b.code as held', 'h.financial_pct', 'h.voting_pct'])
    .where('a.customer_id', '=', customerId)
    .execute();
  lines.push(...holdings.map((h) => ['H', h.holder, h.held, h.financial_pct, h.voting_pct].join('|')));
  const companies = await db
    .selectFrom('companies')
    .select(['code', 'name', 'currency'])
    .where('customer_id', '=', customerId)
    .execute();
  lines.push(...companies.map((c) => ['C', c.code, c.name, c.currency].join('|')));
  for (const line of lines.sort()) hash.update(`${line}\n`);
  return hash.digest('hex');
}

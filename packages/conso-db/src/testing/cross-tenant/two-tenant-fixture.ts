import type { Kysely } from 'kysely';
import { codesToIds } from '../../queries/codes-to-ids.js';
import { loadTinyDemoGroup } from '../../sample-group/tiny-demo-group.js';
import type { ConsoDatabase } from '../../schema/conso-database.js';

/** One customer of the two-tenant fixture. */
export interface FixtureTenant {
  /** Customer code, which is also the tenant (`customerId`) its jobs run under. */
  readonly code: string;
  /** `customers.id`. */
  readonly customerId: number;
  /** Conso `202312ACT001` of this customer. */
  readonly consoId: number;
  readonly consoCode: string;
  readonly periodCode: string;
  readonly categoryCode: string;
  /** Company ids by code (the two customers use the same codes). */
  readonly companies: Readonly<Record<string, number>>;
  /** Company codes, parent first. */
  readonly companyCodes: readonly string[];
}

/** Two customers holding the same codes: A runs the jobs, B's data must never change. */
export interface TwoTenantFixture {
  readonly a: FixtureTenant;
  readonly b: FixtureTenant;
  /** Text found in B's customer and company names only: an output file that holds it leaked B's data. */
  readonly marker: string;
}

/** The codes both customers of {@link loadTwoTenantFixture} use. */
export const TWO_TENANT_CODES = { a: 'ALPHA', b: 'BRAVO', marker: 'Bravo-only' } as const;

/**
 * Loads the demo group twice into a migrated database, as customers `ALPHA` and `BRAVO`: both
 * have conso `202312ACT001`, period `202312`, category `ACT` and companies `HOLD`, `FR1`…; B's
 * customer and company names carry a marker so a leak of B's rows into A's output is visible.
 */
export async function loadTwoTenantFixture(db: Kysely<ConsoDatabase>): Promise<TwoTenantFixture> {
  const a = await loadTenant(db, TWO_TENANT_CODES.a, 'Alpha group');
  const b = await loadTenant(db, TWO_TENANT_CODES.b, `${TWO_TENANT_CODES.marker} group`);
  const names = await db
    .selectFrom('companies')
    .select(['id', 'name'])
    .where('customer_id', '=', b.customerId)
    .execute();
  for (const company of names) {
    await db
      .updateTable('companies')
      .set({ name: `${TWO_TENANT_CODES.marker} ${company.name}` })
      .where('id', '=', company.id)
      .execute();
  }
  return { a, b, marker: TWO_TENANT_CODES.marker };
}

async function loadTenant(db: Kysely<ConsoDatabase>, code: string, name: string): Promise<FixtureTenant> {
  const demo = await loadTinyDemoGroup(db, { customerCode: code, customerName: name });
  const companies = Object.fromEntries(await codesToIds(db, 'companies', demo.customerId));
  return {
    code,
    customerId: demo.customerId,
    consoId: demo.consoId,
    consoCode: demo.consoCode,
    periodCode: '202312',
    categoryCode: 'ACT',
    companies,
    companyCodes: demo.companies,
  };
}

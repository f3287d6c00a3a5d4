import { type ConsoDatabase, evaluateValidationRules } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';

/** What the database says of one company of a closing. */
export interface CompanyFacts {
  readonly companyId: number;
  readonly code: string;
  /** Its bundle data as `rows:total cents:absolute cents`; null when it has none (not submitted). */
  readonly signature: string | null;
  /** Debits equal credits (total 0 in cents). */
  readonly balanced: boolean;
  /** No enabled validation rule fails on it. */
  readonly rulesPass: boolean;
  /** The conso holds consolidated data of it. */
  readonly consolidated: boolean;
}

/** The facts of a closing, read once per run. */
export interface ClosingFacts {
  /** The conso's companies (its ownership perimeter), by code. */
  readonly companies: readonly CompanyFacts[];
  /** Start of the latest consolidation of the conso that finished; undefined when none did. */
  readonly lastConsolidationStart: string | undefined;
}

/** Log keys of a consolidation run (written by `runConso`). */
const STARTED = 'conso.log.integrationStarted';
const FINISHED = 'conso.log.integrationFinished';

/**
 * Reads the facts that decide a closing's statuses with a few set-based queries: the conso's
 * perimeter (`ownerships`), each company's bundle data of the conso's period and category (grouped
 * once), the validation rules (conso-db's `evaluateValidationRules`, as the validation report), the
 * companies with consolidated data, and the start of the latest finished consolidation of the conso
 * from the modification log.
 */
export async function readClosingFacts(db: Kysely<ConsoDatabase>, conso: ConsoRecord): Promise<ClosingFacts> {
  const perimeter = await db
    .selectFrom('ownerships as o')
    .innerJoin('companies as c', 'c.id', 'o.company_id')
    .select(['c.id', 'c.code'])
    .where('o.conso_id', '=', conso.id)
    .where('c.customer_id', '=', conso.customer_id)
    .orderBy('c.code')
    .execute();
  if (perimeter.length === 0) return { companies: [], lastConsolidationStart: undefined };
  const ids = perimeter.map((row) => row.id);
  const cents = sql`round(${sql.ref('amount')} * 100, 0)`;
  const data = await db
    .selectFrom('bundles')
    .select([
      'company_id',
      (eb) => eb.fn.countAll<number>().as('rows'),
      sql<number>`sum(${cents})`.as('total'),
      sql<number>`sum(abs(${cents}))`.as('absolute'),
    ])
    .where('period_id', '=', conso.period_id)
    .where('category_id', '=', conso.category_id)
    .where('company_id', 'in', ids)
    .groupBy('company_id')
    .execute();
  const byCompany = new Map(data.map((row) => [row.company_id, row]));
  const { failures } = await evaluateValidationRules(db, {
    customerId: conso.customer_id,
    periodId: conso.period_id,
    categoryId: conso.category_id,
    companyIds: ids,
  });
  const failing = new Set(failures.map((failure) => failure.company));
  const consolidated = new Set(
    (
      await db
        .selectFrom('consolidated_data')
        .select('company_id')
        .distinct()
        .where('conso_id', '=', conso.id)
        .execute()
    ).map((row) => row.company_id),
  );
  const last = await db
    .selectFrom('modification_log as s')
    .select((eb) => eb.fn.max('s.logged_at').as('started'))
    .where('s.conso_id', '=', conso.id)
    .where('s.message_key', '=', STARTED)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('modification_log as f')
          .select('f.id')
          .whereRef('f.log_group', '=', 's.log_group')
          .where('f.conso_id', '=', conso.id)
          .where('f.message_key', '=', FINISHED),
      ),
    )
    .executeTakeFirst();
  return {
    companies: perimeter.map((company) => {
      const row = byCompany.get(company.id);
      const rows = Number(row?.rows ?? 0);
      const total = Math.round(Number(row?.total ?? 0));
      return {
        companyId: company.id,
        code: company.code,
        signature: rows === 0 ? null : `${rows}:${total}:${Math.round(Number(row?.absolute ?? 0))}`,
        balanced: total === 0,
        rulesPass: !failing.has(company.code),
        consolidated: consolidated.has(company.id),
      };
    }),
    lastConsolidationStart: last?.started ?? undefined,
  };
}

import type { Kysely } from 'kysely';
import { bulkInsert } from '../bulk-insert.js';
import { findConsoByCode } from '../queries/conso-lookup.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import { SAMPLE_ACCOUNT_CODES } from './chart-of-accounts.js';
import { round10 } from './ownership-estimate.js';
import { streamOf } from './prng.js';
import type { SampleContext } from './sample-context.js';

/** Conso code of the December actuals of `year`: `YYYY12ACT001`. */
export function sampleConsoCode(year: number): string {
  return `${year}12ACT001`;
}

/** Inserts the December actuals conso of the group; returns its id. */
export async function insertConso(
  db: Kysely<ConsoDatabase>,
  conso: {
    customerId: number;
    year: number;
    periodId: number;
    categoryId: number;
    parentCompanyId: number;
    createdAt: string;
  },
): Promise<number> {
  const code = sampleConsoCode(conso.year);
  await db
    .insertInto('consos')
    .values({
      customer_id: conso.customerId,
      code,
      name: `Actual December ${conso.year}`,
      period_id: conso.periodId,
      category_id: conso.categoryId,
      group_currency: 'EUR',
      parent_company_id: conso.parentCompanyId,
      locked: 0,
      locked_by: null,
      locked_at: null,
      no_proportional: 0,
      options: null,
      created_at: conso.createdAt,
    })
    .execute();
  return (await findConsoByCode(db, conso.customerId, code))!.id;
}

/** Writes share registers, direct holdings, ownerships and investments of the conso. */
export async function writeOwnership(ctx: SampleContext): Promise<void> {
  const { db, structure, companyIds, consoId } = ctx;
  await bulkInsert(
    db,
    'share_classes',
    structure.shareClasses.map((c) => ({
      conso_id: consoId,
      company_id: companyIds[c.company]!,
      class_code: c.classCode,
      issued_shares: c.issued,
      treasury_shares: c.treasury,
      votes_per_share: c.votesPerShare,
      dividend_rights_per_share: c.dividendRightsPerShare,
    })),
  );
  const classRows = await db
    .selectFrom('share_classes')
    .select(['id', 'company_id', 'class_code'])
    .where('conso_id', '=', consoId)
    .execute();
  const classIds = new Map(classRows.map((row) => [`${row.company_id}/${row.class_code}`, row.id]));
  await bulkInsert(
    db,
    'shareholdings',
    structure.shareholdings.map((s) => ({
      share_class_id: classIds.get(`${companyIds[s.company]}/${s.classCode}`)!,
      holder_company_id: companyIds[s.holder]!,
      shares: s.shares,
    })),
  );
  await bulkInsert(
    db,
    'holdings',
    structure.holdings.map((h) => ({
      conso_id: consoId,
      holder_company_id: companyIds[h.holder]!,
      held_company_id: companyIds[h.held]!,
      financial_pct: h.fin,
      voting_pct: h.ctrl,
    })),
  );
  await bulkInsert(
    db,
    'ownerships',
    ctx.ownership.map((o, k) => ({
      conso_id: consoId,
      company_id: companyIds[k]!,
      group_pct: o.groupPct,
      control_pct: o.controlPct,
      minority_pct: o.minorityPct,
      integration_pct: o.integrationPct,
      method: o.method,
      pct_override: 0 as const,
      method_override: 0 as const,
    })),
  );
  const investmentAccount = ctx.accountIds.get(SAMPLE_ACCOUNT_CODES.investments)!;
  await bulkInsert(
    db,
    'investments',
    structure.holdings.map((h) => {
      const holderRate = ctx.rates.prior.get(structure.companies[h.holder]!.currency)!.closing;
      const costEur = (ctx.investmentCostCents(h.holder, h.held) * holderRate) / 100;
      // Net assets below cost, so the elimination leaves a positive goodwill.
      const share = 0.6 + streamOf(ctx.seed, 'acquisition', h.holder, h.held).int(0, 3500) / 10000;
      return {
        conso_id: consoId,
        holder_company_id: companyIds[h.holder]!,
        held_company_id: companyIds[h.held]!,
        account_id: investmentAccount,
        stake_pct: round10(h.fin),
        acquisition_net_assets_gc: Math.round(costEur * share * 100) / 100,
        acquisition_date: `${ctx.year - 5}-06-30`,
      };
    }),
  );
}

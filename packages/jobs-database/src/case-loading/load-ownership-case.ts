import { bulkInsert, type ConsoDatabase, type NewConsoRow } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import {
  type CaseReader,
  calculateIndirectPercentages,
  type OwnershipInput,
  type OwnershipResult,
  parseOwnershipInput,
} from '../engine/index.js';
import { writeCaseMaster, writeConso, writePeriod } from './case-master-data.js';
import { id, type LoadedRunCase } from './load-run-case.js';

/** Group currency of ownership cases, which name none. */
const OWNERSHIP_CURRENCY = 'EUR';

/**
 * Maps a CalculateIndirectPercentages case into rows: companies, a conso (with `no_proportional`),
 * direct holdings (summed per holder and held company) or share registers, and one `ownerships`
 * row per listed company so that companies without holdings are still part of the perimeter.
 * Manual overrides become override rows; an override fixing only some percentages is completed
 * with the engine's values for the others, because a row fixes all four at once.
 */
export async function loadOwnershipCase(
  db: Kysely<ConsoDatabase>,
  reader: CaseReader,
): Promise<LoadedRunCase> {
  const input = parseOwnershipInput(reader);
  // Companies a holding names outside the list get a row too, so the job can report them as unknown.
  const named = [
    ...input.companies,
    ...[...(input.holdings ?? []), ...(input.shareholdings ?? [])].flatMap((h) => [h.holder, h.held]),
    ...Object.keys(input.shareClasses ?? {}),
  ];
  const master = await writeCaseMaster(db, {
    groupCurrency: OWNERSHIP_CURRENCY,
    companies: [...new Set(named)].map((code) => ({ code, currency: OWNERSHIP_CURRENCY })),
    accounts: [],
    flows: [],
    categories: ['ACT'],
  });
  const company = (code: string): number => id(master.companies, code, 'company');
  const periodId = await writePeriod(db, master.customerId, 2023);
  const conso = await writeConso(db, {
    customerId: master.customerId,
    periodId,
    periodCode: '202312',
    categoryId: master.categories.get('ACT') as number,
    categoryCode: 'ACT',
    groupCurrency: OWNERSHIP_CURRENCY,
    parentId: company(input.parent),
    noProportional: input.noProportional === true,
  });
  const holdings = new Map<string, NewConsoRow<'holdings'>>();
  for (const h of input.holdings ?? []) {
    const key = `${h.holder}\u0000${h.held}`;
    const prior = holdings.get(key);
    holdings.set(key, {
      conso_id: conso.id,
      holder_company_id: company(h.holder),
      held_company_id: company(h.held),
      financial_pct: (prior?.financial_pct ?? 0) + h.fin,
      voting_pct: (prior?.voting_pct ?? 0) + h.ctrl,
    });
  }
  await bulkInsert(db, 'holdings', [...holdings.values()]);
  await writeShareRegisters(db, input, conso.id, company);
  await bulkInsert(db, 'ownerships', ownershipRows(input, conso.id, company));
  return { customerId: master.customerId, consoId: conso.id, consoCode: conso.code };
}

async function writeShareRegisters(
  db: Kysely<ConsoDatabase>,
  input: OwnershipInput,
  consoId: number,
  company: (code: string) => number,
): Promise<void> {
  for (const [held, classes] of Object.entries(input.shareClasses ?? {})) {
    for (const shareClass of classes) {
      await db
        .insertInto('share_classes')
        .values({
          conso_id: consoId,
          company_id: company(held),
          class_code: shareClass.name,
          issued_shares: shareClass.issued,
          treasury_shares: shareClass.treasury,
          votes_per_share: shareClass.votesPerShare,
          dividend_rights_per_share: shareClass.dividendRightsPerShare,
        })
        .execute();
    }
  }
  const classes = await db
    .selectFrom('share_classes')
    .select(['id', 'company_id', 'class_code'])
    .where('conso_id', '=', consoId)
    .execute();
  const shares = new Map<string, NewConsoRow<'shareholdings'>>();
  for (const s of input.shareholdings ?? []) {
    const heldId = company(s.held);
    const shareClass = classes.find((c) => c.company_id === heldId && c.class_code === s.shareClass);
    // A holding of an undefined class is left for the job to report, as the engine does.
    if (shareClass === undefined) continue;
    const key = `${shareClass.id}\u0000${s.holder}`;
    const prior = shares.get(key);
    shares.set(key, {
      share_class_id: shareClass.id,
      holder_company_id: company(s.holder),
      shares: Number(prior?.shares ?? 0) + s.shares,
    });
  }
  await bulkInsert(db, 'shareholdings', [...shares.values()]);
}

function ownershipRows(
  input: OwnershipInput,
  consoId: number,
  company: (code: string) => number,
): NewConsoRow<'ownerships'>[] {
  let computed: OwnershipResult | undefined;
  const engineValues = (code: string) => {
    if (computed === undefined) {
      try {
        computed = calculateIndirectPercentages(input);
      } catch {
        return undefined;
      }
    }
    return computed.companies.get(code);
  };
  return input.companies.map((code) => {
    const override = input.overrides?.[code];
    const pctGiven =
      override !== undefined &&
      [override.interest, override.control, override.minority, override.integration].some(
        (v) => v !== undefined,
      );
    const fill = pctGiven ? engineValues(code) : undefined;
    return {
      conso_id: consoId,
      company_id: company(code),
      group_pct: override?.interest ?? fill?.interest ?? 0,
      control_pct: override?.control ?? fill?.control ?? 0,
      minority_pct: override?.minority ?? fill?.minority ?? 0,
      integration_pct: override?.integration ?? fill?.integration ?? 0,
      method: override?.method ?? fill?.method ?? 'N',
      pct_override: pctGiven ? 1 : 0,
      method_override: override?.method !== undefined ? 1 : 0,
    };
  });
}

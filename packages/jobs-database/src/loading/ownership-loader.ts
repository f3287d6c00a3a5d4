import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import type { ConsoRecord } from '../db/conso-record.js';
import type {
  HoldingInput,
  OwnershipInput,
  OwnershipOverride,
  ShareClass,
  ShareholdingInput,
} from '../engine/index.js';
import type { MasterCodes } from './master-codes-loader.js';

/** An ownership row kept because a user entered it. */
export interface OwnershipFlags {
  /** Percentages entered by hand. */
  readonly pct: boolean;
  /** Method chosen by hand. */
  readonly method: boolean;
}

/** The ownership input of a conso plus the override flags of its rows. */
export interface LoadedOwnership {
  /** Engine input, companies in id order. */
  readonly input: OwnershipInput;
  /** Override flags per company code. */
  readonly flags: ReadonlyMap<string, OwnershipFlags>;
}

/**
 * Reads what CalculateIndirectPercentages needs: the perimeter (companies with an `ownerships`
 * row plus the parent; without rows, the parent and every company a holding names), direct
 * holdings (from the share register where a company has one, else from `holdings`),
 * `no_proportional`, and the manual overrides kept in `ownerships`.
 */
export async function loadOwnershipInput(
  db: Kysely<ConsoDatabase>,
  conso: ConsoRecord,
  codes: MasterCodes,
): Promise<LoadedOwnership> {
  const name = (id: number): string => codes.companies.codeOf(id);
  const rows = await db.selectFrom('ownerships').selectAll().where('conso_id', '=', conso.id).execute();
  const holdings = await db
    .selectFrom('holdings')
    .select(['holder_company_id', 'held_company_id', 'financial_pct', 'voting_pct'])
    .where('conso_id', '=', conso.id)
    .orderBy('id')
    .execute();
  const classes = await db
    .selectFrom('share_classes')
    .selectAll()
    .where('conso_id', '=', conso.id)
    .orderBy('id')
    .execute();
  const shares =
    classes.length === 0
      ? []
      : await db
          .selectFrom('shareholdings')
          .select(['share_class_id', 'holder_company_id', 'shares'])
          .where(
            'share_class_id',
            'in',
            classes.map((c) => c.id),
          )
          .orderBy('id')
          .execute();

  const ids = new Set<number>([conso.parent_company_id]);
  if (rows.length > 0) for (const r of rows) ids.add(r.company_id);
  else {
    for (const h of holdings) ids.add(h.holder_company_id).add(h.held_company_id);
    for (const c of classes) ids.add(c.company_id);
    for (const s of shares) ids.add(s.holder_company_id);
  }
  // A company with a share register is described by it; `holdings` rows on it are a summary of
  // the same shares (derived or entered earlier) and would count them twice.
  const registered = new Set(classes.map((c) => c.company_id));
  const holdingInputs: HoldingInput[] = holdings
    .filter((h) => !registered.has(h.held_company_id))
    .map((h) => ({
      holder: name(h.holder_company_id),
      held: name(h.held_company_id),
      fin: Number(h.financial_pct),
      ctrl: Number(h.voting_pct),
    }));
  const shareClasses: Record<string, ShareClass[]> = {};
  for (const c of classes) {
    const list = shareClasses[name(c.company_id)] ?? [];
    list.push({
      name: c.class_code,
      issued: Number(c.issued_shares),
      treasury: Number(c.treasury_shares),
      votesPerShare: Number(c.votes_per_share),
      dividendRightsPerShare: Number(c.dividend_rights_per_share),
    });
    shareClasses[name(c.company_id)] = list;
  }
  const shareholdings: ShareholdingInput[] = shares.map((s) => {
    const shareClass = classes.find((c) => c.id === s.share_class_id);
    return {
      holder: name(s.holder_company_id),
      held: name(shareClass?.company_id ?? 0),
      shareClass: shareClass?.class_code ?? '',
      shares: Number(s.shares),
    };
  });
  const overrides: Record<string, OwnershipOverride> = {};
  const flags = new Map<string, OwnershipFlags>();
  for (const r of rows) {
    const pct = Number(r.pct_override) === 1;
    const method = Number(r.method_override) === 1;
    if (!pct && !method) continue;
    flags.set(name(r.company_id), { pct, method });
    overrides[name(r.company_id)] = {
      ...(method ? { method: r.method } : {}),
      ...(pct
        ? {
            interest: Number(r.group_pct),
            control: Number(r.control_pct),
            minority: Number(r.minority_pct),
            integration: Number(r.integration_pct),
          }
        : {}),
    };
  }
  return {
    input: {
      parent: name(conso.parent_company_id),
      companies: [...ids].sort((a, b) => a - b).map(name),
      holdings: holdingInputs,
      shareClasses,
      shareholdings,
      noProportional: Number(conso.no_proportional) === 1,
      overrides,
    },
    flags,
  };
}

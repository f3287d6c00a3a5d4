import type { Generated } from 'kysely';
import type { ConsolidationMethod, Flag, IsoDate } from './column-kinds.js';

// Percentages are fractions in [0, 1] everywhere (0.3 = 30 %), never 0-100.

/** `holdings`: a direct holding of one company in another, as entered for a conso. */
export interface HoldingsTable {
  id: Generated<number>;
  conso_id: number;
  holder_company_id: number;
  held_company_id: number;
  /** Share of dividend rights (interest). */
  financial_pct: number;
  /** Share of voting rights (control). */
  voting_pct: number;
}

/** `share_classes`: one class of shares of a company's share register. */
export interface ShareClassesTable {
  id: Generated<number>;
  conso_id: number;
  company_id: number;
  /** e.g. `ORD`, `PREF`; unique per company and conso. */
  class_code: string;
  issued_shares: number;
  /** Own shares held by the company: they carry neither votes nor dividends. */
  treasury_shares: number;
  votes_per_share: number;
  dividend_rights_per_share: number;
}

/** `shareholdings`: shares of a class held by a group company (the company is the class's). */
export interface ShareholdingsTable {
  id: Generated<number>;
  share_class_id: number;
  holder_company_id: number;
  shares: number;
}

/** `ownerships`: the computed (or overridden) ownership of each company in a conso. */
export interface OwnershipsTable {
  id: Generated<number>;
  conso_id: number;
  company_id: number;
  /** Group's interest, direct and indirect. */
  group_pct: number;
  /** Group's control (voting rights held through controlled companies). */
  control_pct: number;
  /** Non-controlling interest: integration_pct - group_pct for full consolidation. */
  minority_pct: number;
  /** Share of the company's lines taken into the consolidation. */
  integration_pct: number;
  method: ConsolidationMethod;
  /** 1 when the percentages were entered by hand and must not be recomputed. */
  pct_override: Generated<Flag>;
  /** 1 when the method was chosen by hand and must not be recomputed. */
  method_override: Generated<Flag>;
}

/** `investments`: acquisition data of a holding, used by the investment elimination. */
export interface InvestmentsTable {
  id: Generated<number>;
  conso_id: number;
  holder_company_id: number;
  held_company_id: number;
  /** Investment account the holder carries the shares on. */
  account_id: number;
  stake_pct: number;
  /** Held company's net assets at acquisition, in group currency (drives goodwill). */
  acquisition_net_assets_gc: number;
  acquisition_date: IsoDate | null;
}

import type { Rational } from './rational.js';

/** Consolidation method: G full, P proportional, E equity method, N not consolidated. */
export type ConsolidationMethod = 'G' | 'P' | 'E' | 'N';

/** One direct holding given as percentages (fractions of 1). */
export interface HoldingInput {
  /** The company that owns the shares. */
  readonly holder: string;
  /** The company whose shares are owned. */
  readonly held: string;
  /** Share of dividend rights (financial percentage). */
  readonly fin: number;
  /** Share of votes (control percentage). */
  readonly ctrl: number;
}

/** One share class in a company's register. */
export interface ShareClass {
  /** Class name, unique within the company. */
  readonly name: string;
  /** Shares issued, including treasury shares. */
  readonly issued: number;
  /** Shares the company holds in itself; they carry neither votes nor dividends. */
  readonly treasury: number;
  /** Votes per share. */
  readonly votesPerShare: number;
  /** Dividend rights per share. */
  readonly dividendRightsPerShare: number;
}

/** Shares of one class of `held` owned by `holder`. */
export interface ShareholdingInput {
  /** The owning company. */
  readonly holder: string;
  /** The company whose shares are owned. */
  readonly held: string;
  /** The share class. */
  readonly shareClass: string;
  /** Number of shares owned. */
  readonly shares: number;
}

/** Manual decisions that win over the computed values. */
export interface OwnershipOverride {
  /** Forced method (de facto or contractual control and similar). */
  readonly method?: ConsolidationMethod;
  /** Forced financial interest. */
  readonly interest?: number;
  /** Forced control percentage. */
  readonly control?: number;
  /** Forced minority percentage. */
  readonly minority?: number;
  /** Forced integration percentage. */
  readonly integration?: number;
}

/** Everything CalculateIndirectPercentages needs. */
export interface OwnershipInput {
  /** The consolidating parent. */
  readonly parent: string;
  /** Every company of the perimeter, parent included. */
  readonly companies: readonly string[];
  /** Direct holdings given as percentages. */
  readonly holdings?: readonly HoldingInput[];
  /** Share registers per company, for holdings given as share counts. */
  readonly shareClasses?: Readonly<Record<string, readonly ShareClass[]>>;
  /** Holdings given as share counts. */
  readonly shareholdings?: readonly ShareholdingInput[];
  /** When true a 50% company is equity-accounted instead of proportionally consolidated. */
  readonly noProportional?: boolean;
  /** Manual overrides per company. */
  readonly overrides?: Readonly<Record<string, OwnershipOverride>>;
}

/** A direct holding after share registers are turned into percentages. */
export interface DirectHolding {
  /** The owning company. */
  readonly holder: string;
  /** The company owned. */
  readonly held: string;
  /** Financial percentage. */
  readonly fin: number;
  /** Control percentage. */
  readonly ctrl: number;
  /** The same percentages as exact fractions. */
  readonly exactFin: Rational;
  /** Exact control percentage. */
  readonly exactCtrl: Rational;
}

/** Exact rational values of a company's percentages. */
export interface ExactPercentages {
  /** Exact financial interest. */
  readonly interest: Rational;
  /** Exact control percentage. */
  readonly control: Rational;
  /** Exact minority percentage. */
  readonly minority: Rational;
  /** Exact integration percentage. */
  readonly integration: Rational;
}

/** The ownership outputs of one company. */
export interface CompanyOwnership {
  /** Financial interest g. */
  readonly interest: number;
  /** Control percentage c. */
  readonly control: number;
  /** Consolidation method. */
  readonly method: ConsolidationMethod;
  /** Minority percentage m. */
  readonly minority: number;
  /** Integration percentage k. */
  readonly integration: number;
  /** Exact values, when the inputs allow an exact solve. */
  readonly exact?: ExactPercentages;
}

/** Result of CalculateIndirectPercentages. */
export interface OwnershipResult {
  /** Per company, in perimeter order. */
  readonly companies: ReadonlyMap<string, CompanyOwnership>;
  /** Direct holdings actually used, merged per holder and held company. */
  readonly direct: readonly DirectHolding[];
  /** (I − A)^-1 with column P zeroed, rows and columns in perimeter order. */
  readonly inverse: readonly (readonly number[])[];
}

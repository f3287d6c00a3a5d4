import type { Kysely } from 'kysely';
import type { ConsoDatabase } from '../schema/conso-database.js';
import type { SampleAccount } from './chart-of-accounts.js';
import type { GroupStructure } from './group-structure.js';
import type { EstimatedOwnership } from './ownership-estimate.js';
import type { RateTable } from './sample-amounts.js';

/** Everything the sample writers share once master data exists. */
export interface SampleContext {
  db: Kysely<ConsoDatabase>;
  seed: number;
  year: number;
  /** Fixed creation time, so two runs with one seed write identical rows. */
  createdAt: string;
  structure: GroupStructure;
  ownership: readonly EstimatedOwnership[];
  chart: readonly SampleAccount[];
  customerId: number;
  userId: number;
  userLogin: string;
  accountIds: ReadonlyMap<string, number>;
  flowIds: ReadonlyMap<string, number>;
  categoryIds: ReadonlyMap<string, number>;
  companyIds: readonly number[];
  periodIds: { prior: number; current: number };
  consoId: number;
  /** Carrying amount (cents, holder's currency) of a holding, as the holder's bundle reports it. */
  investmentCostCents: (holder: number, held: number) => number;
  /** Rates of the prior year's and the current closing. */
  rates: { prior: RateTable; current: RateTable };
}

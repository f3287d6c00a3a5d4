import type { Generated } from 'kysely';
import type { IsoDate, IsoTimestamp } from './column-kinds.js';

/** The stages of a closing, in order: a company's data is submitted, then validated, then consolidated. */
export const CLOSING_STAGE_VALUES = ['submitted', 'validated', 'consolidated'] as const;
/** A stage of a closing. */
export type ClosingStage = (typeof CLOSING_STAGE_VALUES)[number];

/**
 * `closing_processes`: the closing of one conso (its period and category) for a customer, with a
 * deadline per stage (null: none).
 */
export interface ClosingProcessesTable {
  id: Generated<number>;
  customer_id: number;
  /** The conso closed; one process per conso. */
  conso_id: number;
  submitted_deadline: IsoDate | null;
  validated_deadline: IsoDate | null;
  consolidated_deadline: IsoDate | null;
  created_at: IsoTimestamp;
}

/**
 * `closing_company_status`: where one company of a closing stands. Each stage's time and login are
 * those of the run that recorded it; `data_signature` is the company's bundle data as that run saw
 * it (row count and total in cents), so a change resets the later stages; `*_reminded_on` is the
 * last day a late company was reminded of a stage.
 */
export interface ClosingCompanyStatusTable {
  id: Generated<number>;
  process_id: number;
  company_id: number;
  data_signature: string | null;
  /** When the data last changed as the process saw it (first seen, or its signature changed). */
  changed_at: IsoTimestamp | null;
  submitted_at: IsoTimestamp | null;
  submitted_by: string | null;
  validated_at: IsoTimestamp | null;
  validated_by: string | null;
  consolidated_at: IsoTimestamp | null;
  consolidated_by: string | null;
  submitted_reminded_on: IsoDate | null;
  validated_reminded_on: IsoDate | null;
  consolidated_reminded_on: IsoDate | null;
}

/** `closing_steps`: a step a closing started once its stage became due (one per stage). */
export interface ClosingStepsTable {
  id: Generated<number>;
  process_id: number;
  /** The stage the step completes, e.g. `consolidated` for the consolidation run. */
  stage: ClosingStage;
  job_type: string;
  job_id: string;
  started_at: IsoTimestamp;
  started_by: string;
}

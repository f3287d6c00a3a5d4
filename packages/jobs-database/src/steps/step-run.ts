import type { ConsoDatabase } from '@hangar/conso-db';
import type { Logger, TranslatableString } from '@hangar/core';
import type { Kysely } from 'kysely';
import type { RunCompany } from '../engine/index.js';
import type { ConsoModel } from '../loading/conso-model.js';

/** Options of one consolidation run that every step reads. */
export interface StepOptions {
  /** Keep the `dimension` axis of bundles through translation. */
  readonly executeDimensions: boolean;
  /** Log per-company details. */
  readonly debug: boolean;
  /** Companies read and translated per bundle batch. */
  readonly companyBatchSize: number;
}

/** What a step works with: the conso's transaction, its model, the selected companies. */
export interface StepRun {
  /** The conso's transaction; every read and write of the step goes through it. */
  readonly trx: Kysely<ConsoDatabase>;
  /** The conso's model. */
  readonly model: ConsoModel;
  /** Selected companies of the perimeter, in perimeter order. */
  readonly selected: readonly RunCompany[];
  /** Their ids; undefined when every company of the perimeter is selected. */
  readonly selectedIds: readonly number[] | undefined;
  /** Ids of the selected companies (always a list). */
  readonly selectedIdList: readonly number[];
  /** Run options. */
  readonly options: StepOptions;
  /** Throws once the job is cancelled; steps call it between batches. */
  checkpoint(): void;
  /** Records a warning on the job. */
  warn(message: TranslatableString): void;
  /** The job's logger. */
  readonly log: Logger;
}

/** Rows written and deleted by a step. */
export interface StepResult {
  /** Rows deleted from its earlier output. */
  readonly deleted: number;
  /** Rows written. */
  readonly written: number;
}

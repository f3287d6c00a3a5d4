import type { ConsoDatabase } from '@hangar/conso-db';
import type { Kysely } from 'kysely';
import { CASE_STEPS, CaseReader, type CaseStep, UnknownStepError } from '../engine/index.js';
import { type LoadedFlowsCase, loadFlowsCase } from './load-flows-case.js';
import { loadLinkedCase } from './load-linked-case.js';
import { loadOwnershipCase } from './load-ownership-case.js';
import { type LoadedRunCase, loadRunCase } from './load-run-case.js';

/** A case loaded into the database, with what is needed to run it and read its results. */
export type LoadedCase =
  | ({ readonly step: 'CalculateIndirectPercentages'; readonly shareRegisters: boolean } & LoadedRunCase)
  | ({ readonly step: 'ConsolidationRun' } & LoadedRunCase)
  | ({ readonly step: 'LinkedCategories' } & LoadedRunCase)
  | ({ readonly step: 'Bundles.translation_of_flows' } & LoadedFlowsCase);

/**
 * Loads a reference case (`{step, input}`; `expected` is never read) into a migrated, empty
 * database, in one transaction. Input errors name the offending field.
 */
export async function loadCase(db: Kysely<ConsoDatabase>, caseJson: unknown): Promise<LoadedCase> {
  const root = new CaseReader(caseJson, 'case');
  if (!root.isObject) root.fail('expected a case object {id, step, input}');
  const stepText = root.field('step').string();
  const step: CaseStep | undefined = CASE_STEPS.find((s) => s === stepText);
  if (step === undefined) throw new UnknownStepError(stepText);
  const input = root.field('input');
  if (!input.isObject) input.fail(input.isMissing ? 'required object is missing' : 'expected an object');
  return db.transaction().execute(async (trx): Promise<LoadedCase> => {
    switch (step) {
      case 'CalculateIndirectPercentages':
        return {
          step,
          shareRegisters:
            !input.field('shareholdings').isMissing && input.field('shareholdings').items().length > 0,
          ...(await loadOwnershipCase(trx, input)),
        };
      case 'ConsolidationRun':
        return { step, ...(await loadRunCase(trx, input)) };
      case 'LinkedCategories':
        return { step, ...(await loadLinkedCase(trx, input)) };
      case 'Bundles.translation_of_flows':
        return { step, ...(await loadFlowsCase(trx, input)) };
    }
  });
}

import type { NewConsoRow } from '@hangar/conso-db';
import { bulkInsert } from '@hangar/conso-db';
import { sql } from 'kysely';
import { closingToOpening, type LineInput } from '../engine/index.js';
import { MissingAccountError } from '../errors/missing-account-error.js';
import { readBundles } from '../loading/bundle-reader.js';
import { companyIdOf } from '../loading/conso-model.js';
import type { StepResult, StepRun } from './step-run.js';

/**
 * LinkedCategories: for every category link whose target is this conso, replaces the target's
 * reported data of the selected companies with data carried from the source conso's bundles.
 * `closing_to_opening` writes each BS and EQ account's source closing on the opening flow and the
 * source result into the retained-earnings account (PL is not copied); `copy` copies the source
 * lines flow by flow. Replacing (delete, then insert) makes a re-run give the same data.
 */
export async function runLinkedCategoriesStep(run: StepRun): Promise<StepResult> {
  const { model } = run;
  const links = await run.trx
    .selectFrom('category_links')
    .innerJoin('consos as s', 's.id', 'category_links.source_conso_id')
    .selectAll('s')
    .select(['category_links.mode', 'category_links.data_types'])
    .where('category_links.target_conso_id', '=', model.conso.id)
    .orderBy('category_links.id')
    .execute();
  let deleted = 0;
  let written = 0;
  const ids = run.selectedIdList;
  for (const link of links) {
    run.checkpoint();
    if (!link.data_types.split(',').some((type) => type.trim() === 'bundles')) continue;
    const source = await readBundles(
      run.trx,
      link,
      ids,
      { chart: model.chart, accounts: model.accounts },
      model.codes,
      { dimensions: false },
    );
    const rows: NewConsoRow<'bundles'>[] = [];
    const base = { period_id: model.conso.period_id, category_id: model.conso.category_id, dimension: null };
    let flowToReplace: number | null | undefined;
    if (link.mode === 'closing_to_opening') {
      const openingFlow = [...model.codes.flowKinds].find(([, kind]) => kind === 'opening')?.[0];
      const retained = model.chart.withRole('retained_earnings')[0];
      if (retained === undefined) throw new MissingAccountError('retained_earnings', model.conso.code);
      if (openingFlow === undefined) throw new MissingAccountError('opening flow', model.conso.code);
      flowToReplace = model.codes.flows.id(openingFlow) ?? null;
      const sourceData: Record<string, readonly LineInput[]> = Object.fromEntries(source);
      // A source that states its closing on a closing flow is read from that flow only.
      const closingFlow = [...source.values()]
        .flat()
        .map((l) => l.flow)
        .find((f) => f !== undefined && model.codes.flowKinds.get(f) === 'closing');
      const opening = closingToOpening({
        chart: model.chart,
        retainedEarningsAccount: retained,
        sourceData,
        ...(closingFlow === undefined ? {} : { closingFlow }),
      });
      for (const [company, accounts] of opening) {
        for (const [account, amount] of accounts) {
          rows.push({
            ...base,
            company_id: companyIdOf(model, company),
            account_id: model.accounts.id(account) as number,
            partner_company_id: null,
            flow_id: flowToReplace,
            amount,
          });
        }
      }
    } else {
      for (const [company, lines] of source) {
        for (const line of lines) {
          rows.push({
            ...base,
            company_id: companyIdOf(model, company),
            account_id: model.accounts.id(line.account) as number,
            partner_company_id:
              line.partner === undefined ? null : (model.codes.companies.id(line.partner) ?? null),
            flow_id: line.flow === undefined ? null : (model.codes.flows.id(line.flow) ?? null),
            amount: line.amount,
          });
        }
      }
    }
    if (ids.length > 0) {
      let del = run.trx
        .deleteFrom('bundles')
        .where('period_id', '=', model.conso.period_id)
        .where('category_id', '=', model.conso.category_id)
        .where('company_id', 'in', [...ids]);
      if (flowToReplace !== undefined) {
        const flow = flowToReplace;
        del = del.where(flow === null ? sql<boolean>`flow_id is null` : sql<boolean>`flow_id = ${flow}`);
      }
      deleted += Number((await del.executeTakeFirst()).numDeletedRows);
    }
    written += await bulkInsert(run.trx, 'bundles', rows);
  }
  return { deleted, written };
}

import { defineJob, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ConsoDatabase } from '../db/conso-db.js';
import type { ExportResult } from '../export/export-result.js';
import { exportSheets } from '../export/export-sheets.js';
import { keysetPages } from '../export/keyset-pages.js';
import { exportFileParams } from '../params/common-params.js';
import type { CellValue } from '../read/source-row.js';
import { openJobScope } from '../scope/job-scope.js';
import { consoDbOf } from '../session/job-services.js';
import { idsToCodes, loadCodeLookups } from '../validate/code-lookups.js';
import { DATA_COLUMNS } from '../validate/data-file-format.js';

/** Parameters of {@link exportDataJob}. */
export const exportDataParams = z.object({
  ...exportFileParams,
  /** Period code, `YYYYMM`. */
  period: z.string().min(1),
  /** Category code. */
  category: z.string().min(1),
  /** Companies to export; every company when absent. */
  companies: z.array(z.string().min(1)).optional(),
});

/** Filter of a bundle export. */
export interface BundleFilter {
  periodId: number;
  categoryId: number;
  /** Company ids; all when undefined. */
  companyIds?: readonly number[] | undefined;
}

/** Streams bundle rows of a period, category and set of companies, in id order. */
export function bundleRows(db: Kysely<ConsoDatabase>, filter: BundleFilter) {
  return keysetPages((after, limit) => {
    let query = db
      .selectFrom('bundles')
      .select(['id', 'company_id', 'account_id', 'partner_company_id', 'flow_id', 'dimension', 'amount'])
      .where('period_id', '=', filter.periodId)
      .where('category_id', '=', filter.categoryId)
      .where('id', '>', after);
    if (filter.companyIds)
      query = query.where('company_id', 'in', filter.companyIds.length ? [...filter.companyIds] : [-1]);
    return query.orderBy('id').limit(limit).execute();
  });
}

/** Exports the bundles of a period and category for a set of companies, as CSV or XLSX. */
export const exportDataJob = defineJob<
  z.output<typeof exportDataParams>,
  ExportResult,
  z.input<typeof exportDataParams>
>({
  type: 'importexport.export-data',
  description: t('importexport.job.exportData'),
  params: exportDataParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const periodId = await scope.period(params.period);
      const categoryId = await scope.category(params.category);
      const companyIds = params.companies ? await scope.companies(params.companies) : undefined;
      const codes = await loadCodeLookups(db, customer.id);
      const companies = idsToCodes(codes.companies);
      const accounts = idsToCodes(codes.accounts);
      const flows = idsToCodes(codes.flows);
      async function* rows(): AsyncGenerator<CellValue[]> {
        for await (const row of bundleRows(db, { periodId, categoryId, companyIds })) {
          yield [
            companies.get(row.company_id) ?? null,
            accounts.get(row.account_id) ?? null,
            row.partner_company_id === null ? null : (companies.get(row.partner_company_id) ?? null),
            row.flow_id === null ? null : (flows.get(row.flow_id) ?? null),
            row.dimension,
            Number(row.amount),
          ];
        }
      }
      const fileName = params.fileName ?? `data-${params.period}-${params.category}.${params.format}`;
      return exportSheets(services, ctx, {
        fileName,
        format: params.format,
        csv: params.csv,
        sheets: [{ name: 'data', header: DATA_COLUMNS, rows: rows() }],
      });
    },
  }),
});

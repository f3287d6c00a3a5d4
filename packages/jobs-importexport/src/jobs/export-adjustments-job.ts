import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import type { ExportResult } from '../export/export-result.js';
import { exportSheets } from '../export/export-sheets.js';
import { keysetPages } from '../export/keyset-pages.js';
import { exportFileParams } from '../params/common-params.js';
import type { CellValue } from '../read/source-row.js';
import { consoRef, openJobScope } from '../scope/job-scope.js';
import { consoDbOf } from '../session/job-services.js';
import { idsToCodes, loadCodeLookups } from '../validate/code-lookups.js';
import { ADJUSTMENT_COLUMNS } from './adjustments-file-format.js';

/** Parameters of {@link exportAdjustmentsJob}. */
export const exportAdjustmentsParams = z.object({
  ...exportFileParams,
  /** Conso code. */
  conso: z.string().min(1),
  /** Only these companies' journals; all when absent. */
  companies: z.array(z.string().min(1)).optional(),
});

/** Exports the adjustment journals of a conso, one row per line, in the import's format. */
export const exportAdjustmentsJob = defineJob<
  z.output<typeof exportAdjustmentsParams>,
  ExportResult,
  z.input<typeof exportAdjustmentsParams>
>({
  type: 'importexport.export-adjustments',
  description: t('importexport.job.exportAdjustments'),
  params: exportAdjustmentsParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const conso = await consoRef(scope, params.conso);
      const companyIds = params.companies ? await scope.companies(params.companies) : undefined;
      const codes = await loadCodeLookups(db, customer.id);
      const companies = idsToCodes(codes.companies);
      const accounts = idsToCodes(codes.accounts);
      const flows = idsToCodes(codes.flows);
      const pages = keysetPages((after, limit) => {
        let query = db
          .selectFrom('adjustment_lines as l')
          .innerJoin('adjustment_journals as j', 'j.id', 'l.journal_id')
          .select([
            'l.id',
            'j.code',
            'j.description',
            'j.company_id',
            'j.currency',
            'j.created_by',
            'l.account_id',
            'l.partner_company_id',
            'l.flow_id',
            'l.dimension',
            'l.amount',
          ])
          .where('j.conso_id', '=', conso.id)
          .where('l.id', '>', after);
        if (companyIds) query = query.where('j.company_id', 'in', companyIds.length ? companyIds : [-1]);
        return query.orderBy('l.id').limit(limit).execute();
      });
      async function* rows(): AsyncGenerator<CellValue[]> {
        for await (const row of pages) {
          yield [
            row.code,
            row.description,
            companies.get(row.company_id) ?? null,
            row.currency,
            accounts.get(row.account_id) ?? null,
            row.partner_company_id === null ? null : (companies.get(row.partner_company_id) ?? null),
            row.flow_id === null ? null : (flows.get(row.flow_id) ?? null),
            row.dimension,
            Number(row.amount),
            row.created_by,
          ];
        }
      }
      return exportSheets(services, ctx, {
        fileName: params.fileName ?? `adjustments-${conso.code}.${params.format}`,
        format: params.format,
        csv: params.csv,
        sheets: [{ name: 'adjustments', header: ADJUSTMENT_COLUMNS, rows: rows() }],
      });
    },
  }),
});

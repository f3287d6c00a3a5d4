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
import { EXCHANGE_RATE_COLUMNS, HISTORICAL_RATE_COLUMNS } from './rates-file-format.js';

/** Parameters of {@link exportExRateJob}. */
export const exportExRateParams = z
  .object({
    ...exportFileParams,
    /** `exchange` or `historical`. */
    kind: z.enum(['exchange', 'historical']).default('exchange'),
    /** Exchange rates: only these period codes; all when absent. */
    periods: z.array(z.string().min(1)).optional(),
    /** Exchange rates: only these category codes; all when absent. */
    categories: z.array(z.string().min(1)).optional(),
    /** Historical rates: the conso. */
    conso: z.string().min(1).optional(),
  })
  .refine((p) => p.kind === 'exchange' || p.conso !== undefined, {
    message: 'historical rates need a conso',
    path: ['conso'],
  });

/** Exports exchange rates (per period, category, currency) or a conso's historical rates. */
export const exportExRateJob = defineJob<
  z.output<typeof exportExRateParams>,
  ExportResult,
  z.input<typeof exportExRateParams>
>({
  type: 'importexport.export-exrate',
  description: t('importexport.job.exportExRate'),
  params: exportExRateParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const codes = await loadCodeLookups(db, customer.id);
      const periods = idsToCodes(codes.periods);
      const categories = idsToCodes(codes.categories);
      if (params.kind === 'exchange') {
        const periodIds = params.periods?.map((code) => codes.periods.get(code) ?? -1);
        const categoryIds = params.categories?.map((code) => codes.categories.get(code) ?? -1);
        const pages = keysetPages((after, limit) => {
          let query = db
            .selectFrom('exchange_rates')
            .selectAll()
            .where('period_id', 'in', [...periods.keys(), -1])
            .where('id', '>', after);
          if (periodIds) query = query.where('period_id', 'in', [...periodIds, -1]);
          if (categoryIds) query = query.where('category_id', 'in', [...categoryIds, -1]);
          return query.orderBy('id').limit(limit).execute();
        });
        async function* rows(): AsyncGenerator<CellValue[]> {
          for await (const row of pages) {
            yield [
              periods.get(row.period_id) ?? null,
              categories.get(row.category_id) ?? null,
              row.currency,
              Number(row.closing_rate),
              Number(row.average_rate),
            ];
          }
        }
        return exportSheets(services, ctx, {
          fileName: params.fileName ?? `exchange-rates.${params.format}`,
          format: params.format,
          csv: params.csv,
          sheets: [{ name: 'exchange_rates', header: EXCHANGE_RATE_COLUMNS, rows: rows() }],
        });
      }
      const conso = await consoRef(scope, params.conso ?? '');
      const companies = idsToCodes(codes.companies);
      const accounts = idsToCodes(codes.accounts);
      const pages = keysetPages((after, limit) =>
        db
          .selectFrom('historical_rates')
          .selectAll()
          .where('conso_id', '=', conso.id)
          .where('id', '>', after)
          .orderBy('id')
          .limit(limit)
          .execute(),
      );
      async function* rows(): AsyncGenerator<CellValue[]> {
        for await (const row of pages) {
          yield [
            companies.get(row.company_id) ?? null,
            accounts.get(row.account_id) ?? null,
            row.rate === null ? null : Number(row.rate),
            row.amount_gc === null ? null : Number(row.amount_gc),
          ];
        }
      }
      return exportSheets(services, ctx, {
        fileName: params.fileName ?? `historical-rates-${conso.code}.${params.format}`,
        format: params.format,
        csv: params.csv,
        sheets: [{ name: 'historical_rates', header: HISTORICAL_RATE_COLUMNS, rows: rows() }],
      });
    },
  }),
});

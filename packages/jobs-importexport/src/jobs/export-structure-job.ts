import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import type { ExportResult } from '../export/export-result.js';
import { type ExportSheet, exportSheets } from '../export/export-sheets.js';
import { customerParam } from '../params/common-params.js';
import { csvOptionsSchema } from '../read/csv-options.js';
import type { CellValue } from '../read/source-row.js';
import { consoRef, openJobScope } from '../scope/job-scope.js';
import { consoDbOf } from '../session/job-services.js';
import { STRUCTURE_SHEETS } from './structure-file-format.js';

/** Parameters of {@link exportStructureJob}. */
export const exportStructureParams = z.object({
  /** Customer code. */
  customer: customerParam,
  /** Conso whose direct holdings go to the `holdings` sheet; no such sheet when absent. */
  conso: z.string().min(1).optional(),
  /** File name. */
  fileName: z.string().min(1).optional(),
});

async function* of<T>(rows: readonly T[], map: (row: T) => CellValue[]): AsyncGenerator<CellValue[]> {
  for (const row of rows) yield map(row);
}

/** Exports a customer's structure as the XLSX workbook {@link importStructureJob} reads. */
export const exportStructureJob = defineJob<
  z.output<typeof exportStructureParams>,
  ExportResult,
  z.input<typeof exportStructureParams>
>({
  type: 'importexport.export-structure',
  description: t('importexport.job.exportStructure'),
  params: exportStructureParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const conso = params.conso ? await consoRef(scope, params.conso) : undefined;
      const c = customer.id;
      // Master data is small (a chart of accounts, a few hundred companies): read per sheet.
      const companies = await db
        .selectFrom('companies')
        .selectAll()
        .where('customer_id', '=', c)
        .orderBy('id')
        .execute();
      const categories = await db
        .selectFrom('categories')
        .selectAll()
        .where('customer_id', '=', c)
        .orderBy('id')
        .execute();
      const periods = await db
        .selectFrom('periods')
        .selectAll()
        .where('customer_id', '=', c)
        .orderBy('id')
        .execute();
      const flows = await db
        .selectFrom('flows')
        .selectAll()
        .where('customer_id', '=', c)
        .orderBy('id')
        .execute();
      const accounts = await db
        .selectFrom('accounts as a')
        .leftJoin('accounts as p', 'p.id', 'a.parent_id')
        .select(['a.code', 'a.name', 'a.type', 'a.rate_type', 'a.role', 'p.code as parent', 'a.is_summary'])
        .where('a.customer_id', '=', c)
        .orderBy('a.id')
        .execute();
      const rules = await db
        .selectFrom('ic_rule_accounts as ra')
        .innerJoin('ic_rules as r', 'r.id', 'ra.ic_rule_id')
        .innerJoin('accounts as d', 'd.id', 'r.difference_account_id')
        .innerJoin('accounts as a', 'a.id', 'ra.account_id')
        .select(['r.code', 'r.name', 'd.code as difference', 'r.tolerance', 'ra.side', 'a.code as account'])
        .where('r.customer_id', '=', c)
        .orderBy('ra.id')
        .execute();
      const sheets: ExportSheet[] = [
        {
          name: 'companies',
          header: STRUCTURE_SHEETS.companies,
          rows: of(companies, (r) => [r.code, r.name, r.currency, r.country]),
        },
        {
          name: 'categories',
          header: STRUCTURE_SHEETS.categories,
          rows: of(categories, (r) => [r.code, r.name]),
        },
        {
          name: 'periods',
          header: STRUCTURE_SHEETS.periods,
          rows: of(periods, (r) => [r.code, r.year, r.month, r.start_date, r.end_date]),
        },
        { name: 'flows', header: STRUCTURE_SHEETS.flows, rows: of(flows, (r) => [r.code, r.name, r.kind]) },
        {
          name: 'accounts',
          header: STRUCTURE_SHEETS.accounts,
          rows: of(accounts, (r) => [
            r.code,
            r.name,
            r.type,
            r.rate_type,
            r.role,
            r.parent,
            Number(r.is_summary),
          ]),
        },
      ];
      if (conso) {
        const holdings = await db
          .selectFrom('holdings as h')
          .innerJoin('companies as a', 'a.id', 'h.holder_company_id')
          .innerJoin('companies as b', 'b.id', 'h.held_company_id')
          .select(['a.code as holder', 'b.code as held', 'h.financial_pct', 'h.voting_pct'])
          .where('h.conso_id', '=', conso.id)
          .orderBy('h.id')
          .execute();
        sheets.push({
          name: 'holdings',
          header: STRUCTURE_SHEETS.holdings,
          rows: of(holdings, (r) => [r.holder, r.held, Number(r.financial_pct), Number(r.voting_pct)]),
        });
      }
      sheets.push({
        name: 'ic_rules',
        header: STRUCTURE_SHEETS.ic_rules,
        rows: of(rules, (r) => [r.code, r.name, r.difference, Number(r.tolerance), r.side, r.account]),
      });
      return exportSheets(services, ctx, {
        fileName: params.fileName ?? `structure-${customer.code}.xlsx`,
        format: 'xlsx',
        csv: csvOptionsSchema.parse({}),
        sheets,
      });
    },
  }),
});

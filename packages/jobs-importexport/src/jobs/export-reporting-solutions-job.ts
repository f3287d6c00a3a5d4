import { defineJob, t } from '@hangar/core';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { ExportResult } from '../export/export-result.js';
import { MEDIA_TYPES } from '../export/open-export-file.js';
import { loadReportData } from '../export/report-data.js';
import { writeBalanceSheet, writeIncomeStatement, writeOwnership } from '../export/report-sheets.js';
import { customerParam } from '../params/common-params.js';
import { consoRef, openJobScope } from '../scope/job-scope.js';
import { consoDbOf, fileStoreOf } from '../session/job-services.js';

/** Parameters of {@link exportReportingSolutionsJob}. */
export const exportReportingSolutionsParams = z.object({
  /** Customer code. */
  customer: customerParam,
  /** Conso code. */
  conso: z.string().min(1),
  /** File name. */
  fileName: z.string().min(1).optional(),
});

/**
 * Writes the XLSX report pack of a conso: consolidated balance sheet and income statement by
 * company and consolidated, with real SUM formulas for every total, equity and result split into
 * group share and non-controlling interests, and the perimeter with its percentages.
 */
export const exportReportingSolutionsJob = defineJob<
  z.output<typeof exportReportingSolutionsParams>,
  ExportResult
>({
  type: 'importexport.export-reporting-solutions',
  description: t('importexport.job.exportReportingSolutions'),
  params: exportReportingSolutionsParams,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const conso = await consoRef(scope, params.conso);
      const data = await loadReportData(db, customer.id, conso.id);
      ctx.checkpoint();
      const sink = await fileStoreOf(services).create(
        params.fileName ?? `report-pack-${conso.code}.xlsx`,
        MEDIA_TYPES.xlsx,
        ctx,
      );
      try {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
          stream: sink.stream,
          useStyles: true,
          useSharedStrings: false,
        });
        const sheets: [string, (sheet: ExcelJS.Worksheet, d: typeof data) => void][] = [
          ['Balance sheet', writeBalanceSheet],
          ['Income statement', writeIncomeStatement],
          ['Ownership', writeOwnership],
        ];
        for (const [name, write] of sheets) {
          const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
          sheet.columns = [
            { width: 10 },
            { width: 44 },
            ...data.companies.map(() => ({ width: 14, style: { numFmt: '#,##0.00' } })),
            { width: 16, style: { numFmt: '#,##0.00' } },
          ];
          write(sheet, data);
          sheet.commit();
        }
        await workbook.commit();
        const file = await sink.close();
        ctx.addOutputFile(file);
        ctx.progress(
          t('importexport.progress.exportDone', {
            file: file.name,
            rows: data.accounts.length,
            size: file.size,
          }),
        );
        return { files: [file], rows: data.accounts.length };
      } catch (error) {
        await sink.discard().catch(() => undefined);
        throw error;
      }
    },
  }),
});

import { defineJob, t } from '@hangar/core';
import { fileStoreOf, type StoredFile } from '@hangar/jobs-importexport';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { findAttachments } from '../email/attachments.js';
import { JobParamError } from '../errors/job-param-error.js';
import { bindingValues, type ResolvedBinding, resolveBinding } from '../flex/binding-values.js';
import { fillRange, markForRecalculation, namedRange } from '../flex/fill-workbook.js';
import { flexBindingSchema } from '../flex/flex-binding.js';
import { customerParam, fileNameParam, refParam } from '../params/common-params.js';
import { configOf, openScope } from '../services/other-services.js';
import { XLSX_MEDIA_TYPE } from './validation-report-job.js';

/** Type name of {@link flexSheetJob}. */
export const FLEX_SHEET_JOB_TYPE = 'other.flex-sheet';

/** Parameters of {@link flexSheetJob}. */
export const flexSheetParams = z
  .object({
    /** Customer code: the job's tenant when absent. */
    customer: customerParam,
    /** The conso the data comes from (bindings may name others), by code or id. */
    conso: refParam,
    /** The XLSX template: a location in the file store, or another job's output file. */
    template: z.union([
      z.string().min(1),
      z.object({ job: z.string().min(1), file: z.string().min(1) }).strict(),
    ]),
    /** Named ranges of the template and the data each receives. */
    bindings: z.array(flexBindingSchema).min(1).max(200),
    /** Name of the workbook; `<template>-<conso>.xlsx` when absent. */
    fileName: fileNameParam,
  })
  .strict();

/** What {@link flexSheetJob} returns. */
export interface FlexSheetResult {
  file: StoredFile;
  /** Cells written, over all bindings. */
  cells: number;
  /** Formulas kept (and marked for recalculation). */
  formulas: number;
}

/**
 * Fills an XLSX template with consolidated data: each named range bound to accounts × companies ×
 * consos (periods) receives the group-currency amounts, one grouped query per binding; formulas
 * are kept and the workbook recalculates when opened. The workbook is the output file.
 */
export const flexSheetJob = defineJob<
  z.output<typeof flexSheetParams>,
  FlexSheetResult,
  z.input<typeof flexSheetParams>
>({
  type: FLEX_SHEET_JOB_TYPE,
  description: t('other.job.flexSheet'),
  params: flexSheetParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const { db, scope } = await openScope(services, ctx, params.customer);

      const conso = await scope.conso(params.conso);
      const consoScope = await scope.forConso(conso);
      const customer = consoScope.requireCustomer();
      const bindings: ResolvedBinding[] = [];
      for (const [i, binding] of params.bindings.entries()) {
        bindings.push(await resolveBinding(consoScope, binding, conso.id, `bindings.${i}`));
      }
      const store = fileStoreOf(services);
      let location: string;
      let templateName: string;
      if (typeof params.template === 'string') {
        location = params.template;
        templateName = params.template.split(/[\\/]/).pop() ?? 'template.xlsx';
      } else {
        const [found] = await findAttachments(
          services,
          [params.template],
          { tenant: ctx.customerId, customer: customer.code },
          configOf(services).maxAttachmentBytes,
          () => 'template',
        );
        location = (found as { location: string }).location;
        templateName = params.template.file;
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.read(await store.openRead(location, ctx.signal));
      const ranges = params.bindings.map((binding, i) =>
        namedRange(workbook, binding.name, `bindings.${i}.name`),
      );
      ranges.forEach((range, i) => {
        const rows = range.bottom - range.top + 1;
        const columns = range.right - range.left + 1;
        const binding = bindings[i]!;
        if (rows !== binding.rows.ids.length || columns !== binding.columns.ids.length) {
          throw new JobParamError(
            `bindings.${i}.name`,
            `"${params.bindings[i]!.name}" is ${rows} × ${columns} cells, the binding ${binding.rows.ids.length} × ${binding.columns.ids.length}`,
          );
        }
      });
      let cells = 0;
      for (const [i, binding] of bindings.entries()) {
        ctx.checkpoint();
        cells += fillRange(workbook, ranges[i]!, await bindingValues(db, binding));
        ctx.progress(t('other.progress.flexBinding', { name: params.bindings[i]!.name }), {
          current: i + 1,
          total: bindings.length,
        });
      }
      const formulas = markForRecalculation(workbook);
      ctx.checkpoint();
      const base = templateName.replace(/\.xlsx$/i, '');
      const sink = await store.create(params.fileName ?? `${base}-${conso.code}.xlsx`, XLSX_MEDIA_TYPE, ctx);
      let file: StoredFile;
      try {
        await workbook.xlsx.write(sink.stream);
        file = await sink.close();
      } catch (error) {
        await sink.discard().catch(() => undefined);
        throw error;
      }
      ctx.addOutputFile(file);
      ctx.progress(t('other.progress.flexDone', { file: file.name, cells, formulas }));
      return { file, cells, formulas };
    },
  }),
});

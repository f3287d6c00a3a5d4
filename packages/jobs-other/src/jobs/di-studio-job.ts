import { defineJob, t } from '@hangar/core';
import {
  genericImportJob,
  genericImportParams,
  type ImportResult,
  loadMappingProfile,
} from '@hangar/jobs-importexport';
import type { z } from 'zod';
import { type DryRunReport, dryRun } from '../di/dry-run.js';
import { checkSource } from '../di/extract-source.js';
import { type DiStudioParams, diStudioParams } from '../di/pipeline.js';
import { JobParamError } from '../errors/job-param-error.js';
import { configOf, openScope } from '../services/other-services.js';

/** Type name of {@link diStudioJob}. */
export const DI_STUDIO_JOB_TYPE = 'other.di-studio';

/** What {@link diStudioJob} returns: the dry run's report, or the load's counts. */
export type DiStudioResult = DryRunReport | ({ dryRun: false; table: string } & ImportResult);

/**
 * Runs a declared data-integration pipeline: the definition is checked first (profile, source,
 * tenant, allow-list, connection, query), then the source is extracted (a CSV or XLSX file, a
 * read-only SQL query on a configured connection, an allow-listed HTTP endpoint), mapped through
 * the customer's mapping profile and loaded through the generic import (every row validated,
 * all or nothing). A dry run reports what would be loaded and writes nothing to the database.
 */
export const diStudioJob = defineJob<DiStudioParams, DiStudioResult, z.input<typeof diStudioParams>>({
  type: DI_STUDIO_JOB_TYPE,
  description: t('other.job.diStudio'),
  params: diStudioParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const { db, scope } = await openScope(services, ctx, params.customer);
      const config = configOf(services);
      const customer = scope.requireCustomer();
      // Sources first: a reference to another customer's job or connection is refused before anything else.
      const source = await checkSource(
        services,
        config,
        params.source,
        { tenant: ctx.customerId, customer: customer.code },
        ctx.signal,
        ctx,
      );
      const profile = await loadMappingProfile(db, customer.id, params.profile);
      if (params.source.kind === 'sql') {
        const csv = profile.options.csv;
        if (profile.fileFormat !== 'csv' || csv.delimiter !== ',' || csv.decimalComma || csv.quote !== '"') {
          throw new JobParamError(
            'profile',
            'a SQL source needs a CSV profile with comma delimiters and dot decimals',
          );
        }
      }
      ctx.checkpoint();
      const location = await source.extract(`di-${ctx.jobId}.${profile.fileFormat}`);
      ctx.progress(t('other.progress.diExtracted', { kind: params.source.kind, profile: profile.code }));
      if (params.dryRun) {
        const report = await dryRun(services, ctx, location, profile, config.diStudio.previewRows);
        ctx.progress(t('other.progress.diDryRun', { rows: report.rows, table: report.table }));
        return report;
      }
      const load = genericImportJob.create(services);
      const result = await load.execute(
        genericImportParams.parse({
          customer: customer.code,
          profile: profile.code,
          file: location,
          mode: params.mode,
          maxErrors: params.maxErrors,
        }),
        ctx,
      );
      return { dryRun: false, table: profile.targetTable, ...result };
    },
  }),
});

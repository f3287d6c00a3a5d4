import { assertPeriodsOpen } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import type { ScopeCondition } from '../apply/apply-target.js';
import { importFileParams, numberFormatOf } from '../params/common-params.js';
import { openJobScope } from '../scope/job-scope.js';
import type { ImportResult } from '../session/import-result.js';
import { importTable } from '../session/import-table.js';
import { consoDbOf } from '../session/job-services.js';
import { BalanceTracker } from '../validate/balance-tracker.js';
import { loadCodeLookups } from '../validate/code-lookups.js';
import { DATA_REQUIRED_COLUMNS, MAX_DIMENSION_LENGTH } from '../validate/data-file-format.js';
import { BUNDLE_KEY, BUNDLE_STAGING, BUNDLE_TARGET_COLUMNS } from './bundle-staging.js';
import { dataCopyStaging } from './data-copy-staging.js';

/** Parameters of {@link importDataJob}. */
export const importDataParams = z.object({
  ...importFileParams,
  /** Period code, `YYYYMM`. */
  period: z.string().min(1),
  /** Category code, e.g. `ACT`. */
  category: z.string().min(1),
  /** Companies the import covers; rows of other companies are errors. Absent: the companies in the file. */
  companies: z.array(z.string().min(1)).optional(),
  /** Each company's rows in the file must sum to zero (debit positive). */
  requireBalanced: z.boolean().default(true),
});

/** Imports reported data (bundles) of a period and category from CSV or XLSX. */
export const importDataJob = defineJob<
  z.output<typeof importDataParams>,
  ImportResult,
  z.input<typeof importDataParams>
>({
  type: 'importexport.import-data',
  description: t('importexport.job.importData'),
  params: importDataParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const periodId = await scope.period(params.period);
      await assertPeriodsOpen(db, [periodId]);
      const categoryId = await scope.category(params.category);
      const only = params.companies ? new Set(await scope.companies(params.companies)) : undefined;
      const codes = await loadCodeLookups(db, customer.id);
      const balances = new BalanceTracker();
      const companyScope: ScopeCondition = only
        ? { column: 'company_id', in: [...only] }
        : { column: 'company_id', inStaged: true };
      return importTable(services, ctx, params, {
        required: DATA_REQUIRED_COLUMNS,
        stagingName: 'data',
        staging: BUNDLE_STAGING,
        parse(fields) {
          const company = fields.code('company', codes.companies, 'company');
          if (only && company !== 0 && !only.has(company)) {
            fields.fail({ column: 'company', problem: 'outOfScope', value: fields.raw('company') });
          }
          const account = fields.code('account', codes.accounts, 'account');
          if (codes.summaryAccounts.has(account)) {
            fields.fail({ column: 'account', problem: 'summaryAccount', value: fields.raw('account') });
          }
          const partner = fields.optionalCode('partner', codes.companies, 'partner');
          const flow = fields.optionalCode('flow', codes.flows, 'flow');
          const dimension = fields.optionalText('dimension', MAX_DIMENSION_LENGTH);
          const amount = fields.number('amount');
          if (fields.failed) return undefined;
          balances.add(String(fields.raw('company')), fields.source.row, amount);
          return [company, account, partner, flow, dimension, amount];
        },
        copy: dataCopyStaging({ codes, only, numbers: numberFormatOf(params.csv), balances }),
        unique: { columns: BUNDLE_KEY, column: 'account' },
        afterRead(session) {
          if (params.requireBalanced && !session.errors.hasErrors)
            balances.report(session.errors, 'amount', 'company');
        },
        target: {
          table: 'bundles',
          columns: BUNDLE_TARGET_COLUMNS,
          constants: { period_id: periodId, category_id: categoryId },
          key: BUNDLE_KEY.map((column) => column.name),
          scope: [
            { column: 'period_id', equals: periodId },
            { column: 'category_id', equals: categoryId },
            companyScope,
          ],
        },
      });
    },
  }),
});

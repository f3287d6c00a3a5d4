import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import type { ScopeCondition } from '../apply/apply-target.js';
import { importFileParams } from '../params/common-params.js';
import { importConsoRef, openJobScope } from '../scope/job-scope.js';
import type { ImportResult } from '../session/import-result.js';
import { importTable } from '../session/import-table.js';
import { consoDbOf } from '../session/job-services.js';
import { loadCodeLookups } from '../validate/code-lookups.js';
import {
  EXCHANGE_RATE_STAGING,
  EXCHANGE_RATE_TARGET,
  HISTORICAL_RATE_STAGING,
  HISTORICAL_RATE_TARGET,
  MAX_RATE,
} from './rates-file-format.js';

/** Parameters of {@link importExRateJob}. */
export const importExRateParams = z
  .object({
    ...importFileParams,
    /** `exchange`: closing and average rates per period and category; `historical`: one conso's historical rates. */
    kind: z.enum(['exchange', 'historical']).default('exchange'),
    /** Conso code; required for historical rates. */
    conso: z.string().min(1).optional(),
    /** Historical rates only: replace mode deletes only these companies' rates. */
    companies: z.array(z.string().min(1)).optional(),
  })
  .refine((p) => p.kind === 'exchange' || p.conso !== undefined, {
    message: 'historical rates need a conso',
    path: ['conso'],
  });

/**
 * Imports exchange rates (closing/average per period, category and currency; replace mode replaces
 * the period and category pairs in the file) or historical rates of a conso.
 */
export const importExRateJob = defineJob<
  z.output<typeof importExRateParams>,
  ImportResult,
  z.input<typeof importExRateParams>
>({
  type: 'importexport.import-exrate',
  description: t('importexport.job.importExRate'),
  params: importExRateParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope: tenant, customer } = await openJobScope(db, ctx, params.customer);
      const codes = await loadCodeLookups(db, customer.id);
      if (params.kind === 'exchange') {
        return importTable(services, ctx, params, {
          required: ['period', 'category', 'currency', 'closing_rate', 'average_rate'],
          stagingName: 'fx',
          staging: EXCHANGE_RATE_STAGING,
          parse(fields) {
            const period = fields.code('period', codes.periods, 'period');
            const category = fields.code('category', codes.categories, 'category');
            const currency = fields.text('currency');
            if (currency !== '' && !codes.currencies.has(currency)) {
              fields.fail({
                column: 'currency',
                problem: 'unknownCode',
                value: currency,
                params: { kind: 'currency' },
              });
            }
            const closing = fields.number('closing_rate', { above: 0, max: MAX_RATE });
            const average = fields.number('average_rate', { above: 0, max: MAX_RATE });
            return fields.failed ? undefined : [period, category, currency, closing, average];
          },
          unique: { columns: EXCHANGE_RATE_TARGET.slice(0, 3), column: 'currency' },
          target: {
            table: 'exchange_rates',
            columns: EXCHANGE_RATE_TARGET,
            key: ['period_id', 'category_id', 'currency'],
            scope: [{ tuple: ['period_id', 'category_id'] }],
          },
        });
      }
      const conso = await importConsoRef(db, tenant, params.conso ?? '');
      const companyIds = params.companies ? await tenant.companies(params.companies) : undefined;
      const only = companyIds ? new Set(companyIds) : undefined;
      const scope: ScopeCondition[] = [{ column: 'conso_id', equals: conso.id }];
      if (companyIds) scope.push({ column: 'company_id', in: companyIds });
      return importTable(services, ctx, params, {
        required: ['company', 'account'],
        stagingName: 'hist',
        staging: HISTORICAL_RATE_STAGING,
        parse(fields) {
          const company = fields.code('company', codes.companies, 'company');
          if (only && company !== 0 && !only.has(company)) {
            fields.fail({ column: 'company', problem: 'outOfScope', value: fields.raw('company') });
          }
          const account = fields.code('account', codes.accounts, 'account');
          const rate = fields.optionalNumber('rate', { above: 0, max: MAX_RATE });
          const amount = fields.optionalNumber('amount_gc');
          // A historical account is translated either at a rate or by a carried amount: exactly one.
          if (!fields.failed && (rate === null) === (amount === null)) {
            fields.fail({ column: 'rate', problem: 'required', value: null, params: { other: 'amount_gc' } });
          }
          return fields.failed ? undefined : [company, account, rate, amount];
        },
        unique: { columns: HISTORICAL_RATE_TARGET.slice(0, 2), column: 'account' },
        target: {
          table: 'historical_rates',
          columns: HISTORICAL_RATE_TARGET,
          constants: { conso_id: conso.id },
          key: ['company_id', 'account_id'],
          scope,
        },
      });
    },
  }),
});

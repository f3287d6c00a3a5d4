import { JOURNAL_CURRENCY_VALUES } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ApplyCounts } from '../apply/write-staged-rows.js';
import { writeStagedRows } from '../apply/write-staged-rows.js';
import { ImportFileError } from '../errors/import-file-error.js';
import { customerParam, numberFormatOf } from '../params/common-params.js';
import { csvOptionsSchema } from '../read/csv-options.js';
import { openSource } from '../read/open-source.js';
import { importConsoRef, openJobScope } from '../scope/job-scope.js';
import type { ImportResult } from '../session/import-result.js';
import { runImport } from '../session/import-session.js';
import { type SheetSpec, stageSheets } from '../session/import-sheets.js';
import { consoDbOf, fileStoreOf, inputLocation } from '../session/job-services.js';
import { finishImport } from '../session/staged-table-write.js';
import { BalanceTracker } from '../validate/balance-tracker.js';
import { loadCodeLookups } from '../validate/code-lookups.js';
import { writeStagedJournals } from './adjustment-writes.js';
import { ADJUSTMENT_STAGING } from './adjustments-file-format.js';
import { BUNDLE_KEY, BUNDLE_STAGING, BUNDLE_TARGET_COLUMNS } from './bundle-staging.js';
import { JournalChecks } from './journal-checks.js';
import { HISTORICAL_RATE_STAGING, HISTORICAL_RATE_TARGET, MAX_RATE } from './rates-file-format.js';
import { addCounts } from './structure-writes.js';

/** Parameters of {@link importBundleJob}. */
export const importBundleParams = z.object({
  /** Customer code. */
  customer: customerParam,
  /** The reporting company. */
  company: z.string().min(1),
  /** Conso (gives the period and category of the bundle). */
  conso: z.string().min(1),
  /** Location of the XLSX workbook in the file store. */
  file: z.string().min(1),
  /** `replace` the company's bundle, journals and historical rates, or `merge` into them. */
  mode: z.enum(['replace', 'merge']).default('replace'),
  /** Errors collected before the import stops reading. */
  maxErrors: z.number().int().min(1).max(100_000).default(100),
});

/**
 * Imports one company's bundle workbook: sheet `bundle` (account, partner, flow, dimension,
 * amount; must balance), sheet `adjustments` (journal lines; each journal must balance) and sheet
 * `historical_rates` (account, rate or amount_gc). The whole workbook is validated before anything
 * is written; sheets left out are left alone.
 */
export const importBundleJob = defineJob<
  z.output<typeof importBundleParams>,
  ImportResult,
  z.input<typeof importBundleParams>
>({
  type: 'importexport.import-bundle',
  description: t('importexport.job.importBundle'),
  params: importBundleParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const conso = await importConsoRef(db, scope, params.conso);
      const [companyId] = [await scope.company(params.company)];
      const codes = await loadCodeLookups(db, customer.id);
      const balance = new BalanceTracker();
      const journals = new JournalChecks();
      const specs: SheetSpec[] = [
        {
          name: 'bundle',
          required: ['account', 'amount'],
          staging: BUNDLE_STAGING,
          unique: { columns: BUNDLE_KEY, column: 'account' },
          parse(fields) {
            const account = fields.code('account', codes.accounts, 'account');
            if (codes.summaryAccounts.has(account))
              fields.fail({ column: 'account', problem: 'summaryAccount', value: fields.raw('account') });
            const partner = fields.optionalCode('partner', codes.companies, 'partner');
            const flow = fields.optionalCode('flow', codes.flows, 'flow');
            const dimension = fields.optionalText('dimension');
            const amount = fields.number('amount');
            if (fields.failed) return undefined;
            balance.add(params.company, fields.source.row, amount);
            return [companyId, account, partner, flow, dimension, amount];
          },
        },
        {
          name: 'adjustments',
          required: ['journal', 'currency', 'account', 'amount'],
          staging: ADJUSTMENT_STAGING,
          parse(fields) {
            const journal = fields.text('journal');
            const description = fields.optionalText('description') ?? '';
            const currency = fields.oneOf('currency', JOURNAL_CURRENCY_VALUES);
            const account = fields.code('account', codes.accounts, 'account');
            const partner = fields.optionalCode('partner', codes.companies, 'partner');
            const flow = fields.optionalCode('flow', codes.flows, 'flow');
            const dimension = fields.optionalText('dimension');
            const amount = fields.number('amount');
            if (!fields.failed)
              journals.line(fields, journal, { description, company: params.company, currency }, amount);
            if (fields.failed) return undefined;
            return [
              journal,
              description,
              companyId,
              currency,
              fields.optionalText('created_by'),
              account,
              partner,
              flow,
              dimension,
              amount,
            ];
          },
        },
        {
          name: 'historical_rates',
          required: ['account'],
          staging: HISTORICAL_RATE_STAGING,
          unique: { columns: HISTORICAL_RATE_TARGET.slice(0, 2), column: 'account' },
          parse(fields) {
            const account = fields.code('account', codes.accounts, 'account');
            const rate = fields.optionalNumber('rate', { above: 0, max: MAX_RATE });
            const amount = fields.optionalNumber('amount_gc');
            if (!fields.failed && (rate === null) === (amount === null))
              fields.fail({
                column: 'rate',
                problem: 'required',
                value: null,
                params: { other: 'amount_gc' },
              });
            return fields.failed ? undefined : [companyId, account, rate, amount];
          },
        },
      ];
      const csv = csvOptionsSchema.parse({});
      const location = await inputLocation(services, ctx, params.file);
      const source = await openSource(fileStoreOf(services), location, {
        format: 'xlsx',
        csv,
        signal: ctx.signal,
      });
      try {
        const options = {
          file: source.name,
          totalBytes: source.size,
          bytesRead: source.bytesRead,
          maxErrors: params.maxErrors,
          numbers: numberFormatOf(csv),
        };
        const outcome = await runImport(consoDb, ctx, options, async (session) => {
          const staged = await stageSheets(session, source, specs);
          if (staged.size === 0)
            throw new ImportFileError(
              source.name,
              'missingSheet',
              'no sheet named bundle, adjustments or historical_rates',
            );
          if (!session.errors.hasErrors) {
            balance.report(session.errors, 'amount', 'company', 'bundle');
            journals.report(session.errors, 'adjustments');
          }
          session.errors.throwIfAny();
          const total: ApplyCounts = { deleted: 0, updated: 0, inserted: 0 };
          const trx = session.trx as Kysely<unknown>;
          const bundle = staged.get('bundle');
          if (bundle) {
            const target = {
              table: 'bundles',
              columns: BUNDLE_TARGET_COLUMNS,
              constants: { period_id: conso.periodId, category_id: conso.categoryId },
              key: BUNDLE_KEY.map((column) => column.name),
              scope: [
                { column: 'period_id', equals: conso.periodId },
                { column: 'category_id', equals: conso.categoryId },
                { column: 'company_id', equals: companyId },
              ],
            };
            addCounts(total, await writeStagedRows(trx, bundle, target, params.mode));
          }
          const adjustments = staged.get('adjustments');
          if (adjustments) {
            const scope = { consoId: conso.id, companyIds: [companyId] };
            addCounts(
              total,
              await writeStagedJournals(
                session.trx,
                adjustments,
                scope,
                params.mode,
                new Date().toISOString(),
              ),
            );
          }
          const historical = staged.get('historical_rates');
          if (historical) {
            const target = {
              table: 'historical_rates',
              columns: HISTORICAL_RATE_TARGET,
              constants: { conso_id: conso.id },
              key: ['company_id', 'account_id'],
              scope: [
                { column: 'conso_id', equals: conso.id },
                { column: 'company_id', equals: companyId },
              ],
            };
            addCounts(total, await writeStagedRows(trx, historical, target, params.mode));
          }
          return { total, read: session.progress.read };
        });
        return finishImport(ctx, source.name, outcome.total, outcome.read);
      } finally {
        source.close();
      }
    },
  }),
});

import { JOURNAL_CURRENCY_VALUES } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { importFileParams } from '../params/common-params.js';
import { importConsoRef, openJobScope } from '../scope/job-scope.js';
import type { ImportResult } from '../session/import-result.js';
import { importTable } from '../session/import-table.js';
import { consoDbOf } from '../session/job-services.js';
import { loadCodeLookups } from '../validate/code-lookups.js';
import { MAX_DIMENSION_LENGTH } from '../validate/data-file-format.js';
import { writeStagedJournals } from './adjustment-writes.js';
import { ADJUSTMENT_REQUIRED_COLUMNS, ADJUSTMENT_STAGING } from './adjustments-file-format.js';
import { JournalChecks } from './journal-checks.js';

/** Parameters of {@link importAdjustmentsJob}. */
export const importAdjustmentsParams = z.object({
  ...importFileParams,
  /** Conso code, e.g. `202312ACT001`. */
  conso: z.string().min(1),
  /** Replace mode deletes only these companies' journals; all of the conso's when absent. */
  companies: z.array(z.string().min(1)).optional(),
});

/** Imports adjustment journals of a conso; every journal must balance. */
export const importAdjustmentsJob = defineJob<
  z.output<typeof importAdjustmentsParams>,
  ImportResult,
  z.input<typeof importAdjustmentsParams>
>({
  type: 'importexport.import-adjustments',
  description: t('importexport.job.importAdjustments'),
  params: importAdjustmentsParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const { scope, customer } = await openJobScope(db, ctx, params.customer);
      const conso = await importConsoRef(db, scope, params.conso);
      const companyIds = params.companies ? await scope.companies(params.companies) : undefined;
      const only = companyIds ? new Set(companyIds) : undefined;
      const codes = await loadCodeLookups(db, customer.id);
      const journals = new JournalChecks();
      return importTable(services, ctx, params, {
        required: ADJUSTMENT_REQUIRED_COLUMNS,
        stagingName: 'adj',
        staging: ADJUSTMENT_STAGING,
        parse(fields) {
          const journal = fields.text('journal');
          const description = fields.optionalText('description') ?? '';
          const company = fields.code('company', codes.companies, 'company');
          if (only && company !== 0 && !only.has(company)) {
            fields.fail({ column: 'company', problem: 'outOfScope', value: fields.raw('company') });
          }
          const currency = fields.oneOf('currency', JOURNAL_CURRENCY_VALUES);
          const account = fields.code('account', codes.accounts, 'account');
          const partner = fields.optionalCode('partner', codes.companies, 'partner');
          const flow = fields.optionalCode('flow', codes.flows, 'flow');
          const dimension = fields.optionalText('dimension', MAX_DIMENSION_LENGTH);
          const amount = fields.number('amount');
          const createdBy = fields.optionalText('created_by');
          if (!fields.failed) {
            journals.line(
              fields,
              journal,
              { description, company: String(fields.raw('company')), currency },
              amount,
            );
          }
          if (fields.failed) return undefined;
          return [
            journal,
            description,
            company,
            currency,
            createdBy,
            account,
            partner,
            flow,
            dimension,
            amount,
          ];
        },
        afterRead(session) {
          if (!session.errors.hasErrors) journals.report(session.errors);
        },
        write: (session, staging) =>
          writeStagedJournals(
            session.trx,
            staging,
            { consoId: conso.id, companyIds },
            params.mode,
            new Date().toISOString(),
          ),
      });
    },
  }),
});

import {
  assertPeriodsOpen,
  type ConsoDatabase,
  codesToIds,
  ScopeCustomerRequiredError,
  TenantScope,
} from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type GroupWriteCounts, writeGroupConsoData } from '../group-file/group-conso-writes.js';
import { checkGroupFile } from '../group-file/group-file-checks.js';
import { reportGroupFileIssues } from '../group-file/group-file-issues.js';
import { GROUP_FILE_KEYS, type GroupFile, groupFileSchema } from '../group-file/group-file-schema.js';
import { writeGroupMasterData } from '../group-file/group-master-writes.js';
import { readJsonFile } from '../group-file/read-json-file.js';
import { consoDbOf, fileStoreOf, inputLocation } from '../session/job-services.js';
import { RowErrorCollector, RowErrorLimitReached } from '../validate/row-error-collector.js';

/** Parameters of {@link importGroupFileJob}. */
export const importGroupFileParams = z.object({
  /**
   * Customer code: the job's tenant when absent (a customer's job may only repeat it). Only a
   * system job may name a customer that does not exist yet, which it then creates.
   */
  customer: z.string().min(1).optional(),
  /** Location of the JSON group file in the file store. */
  file: z.string().min(1),
  /** Period code of the conso, `YYYYMM`. */
  period: z
    .string()
    .regex(/^\d{6}$/)
    .default('202312'),
  /** Category code. */
  category: z.string().min(1).default('ACT'),
  /** Conso code; `<period><category>001` when absent. */
  conso: z.string().min(1).optional(),
  /** Errors collected before giving up. */
  maxErrors: z.number().int().min(1).max(100_000).default(100),
});

/** What the group-file import wrote. */
export interface GroupFileResult {
  file: string;
  conso: string;
  /** Rows written per table. */
  written: GroupWriteCounts;
  /** Top-level keys of the file that were ignored. */
  ignored: string[];
}

/**
 * Imports a whole small group in one step from a JSON group file, the input format of the
 * consolidation reference cases: currencies, customer, period, category, companies, accounts,
 * conso, ownership, holdings or share registers, rates, bundles, journals, investments, IC rules.
 * The file is validated as a whole first; then everything is written in one transaction.
 */
export const importGroupFileJob = defineJob<
  z.output<typeof importGroupFileParams>,
  GroupFileResult,
  z.input<typeof importGroupFileParams>
>({
  type: 'importexport.import-group-file',
  description: t('importexport.job.importGroupFile'),
  params: importGroupFileParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const customerCode = await groupFileCustomer(consoDb.db, ctx.customerId, params.customer);
      const name = params.file.split(/[\\/]/).pop() ?? params.file;
      const location = await inputLocation(services, ctx, params.file);
      const raw = await readJsonFile(fileStoreOf(services), location, ctx.signal);
      // A whole reference case `{ id, step, input, expected }` is accepted as well as its input.
      const input =
        typeof raw === 'object' && raw !== null && 'input' in raw ? (raw as { input: unknown }).input : raw;
      const errors = new RowErrorCollector(name, params.maxErrors);
      let file: GroupFile | undefined;
      try {
        const parsed = groupFileSchema.safeParse(input);
        if (!parsed.success) {
          reportGroupFileIssues(parsed.error.issues, input, errors);
        } else {
          file = parsed.data;
          const customer = await consoDb.db
            .selectFrom('customers')
            .select('id')
            .where('code', '=', customerCode)
            .executeTakeFirst();
          const known = customer
            ? {
                companies: new Set((await codesToIds(consoDb.db, 'companies', customer.id)).keys()),
                accounts: new Set((await codesToIds(consoDb.db, 'accounts', customer.id)).keys()),
              }
            : { companies: new Set<string>(), accounts: new Set<string>() };
          checkGroupFile(file, errors, known);
        }
      } catch (error) {
        if (!(error instanceof RowErrorLimitReached)) throw error;
      }
      if (errors.hasErrors || !file) throw errors.toError();
      const valid = file;
      const ignored = Object.keys(valid).filter((key) => !GROUP_FILE_KEYS.has(key));
      if (ignored.length)
        ctx.warn(t('importexport.warning.ignoredKeys', { file: name, keys: ignored.join(', ') }));
      ctx.checkpoint();
      const conso = params.conso ?? `${params.period}${params.category}001`;
      const now = new Date().toISOString();
      const written = await consoDb.db.transaction().execute(async (trx) => {
        const ids = await writeGroupMasterData(trx, valid, {
          customer: customerCode,
          tenant: ctx.customerId,
          period: params.period,
          category: params.category,
          conso,
          now,
        });
        // A closed period refuses the file; the transaction then writes nothing.
        await assertPeriodsOpen(trx, [ids.periodId]);
        ctx.checkpoint();
        return writeGroupConsoData(trx, valid, ids, now);
      });
      const rows = Object.values(written).reduce((sum, n) => sum + n, 0);
      ctx.progress(t('importexport.progress.groupFile', { file: name, conso, rows }));
      return { file: name, conso, written, ignored };
    },
  }),
});

/**
 * The customer a group file is written into: a customer's job works on its tenant, which must
 * exist (its `customer` param may only repeat it); only a system job names, and may create, one.
 */
async function groupFileCustomer(
  db: Kysely<ConsoDatabase>,
  tenant: string | undefined,
  named: string | undefined,
): Promise<string> {
  if (tenant !== undefined)
    return (await TenantScope.open(db, { tenant, customer: named })).requireCustomer().code;
  if (named === undefined) throw new ScopeCustomerRequiredError('customer');
  return named;
}

import { defineJob, t } from '@hangar/core';
import { fileStoreOf, type StoredFile } from '@hangar/jobs-importexport';
import { z } from 'zod';
import { customerParam, fileNameParam, languageParam, refParam } from '../params/common-params.js';
import { configOf, openScope, translatorOf } from '../services/other-services.js';
import { balanceChecks, balanceFromTotals } from '../validation/balance-checks.js';
import { scopedBundles } from '../validation/bundle-filter.js';
import { intercompanyChecks } from '../validation/intercompany-checks.js';
import { relationChecks } from '../validation/relation-checks.js';
import { writeValidationReport } from '../validation/validation-report-writer.js';
import {
  CHECK_KINDS,
  type CheckKind,
  type CheckResult,
  type CheckScope,
  type RuleOutcome,
  type ValidationFailure,
} from '../validation/validation-types.js';

/** Type name of {@link validationReportJob}. */
export const VALIDATION_REPORT_JOB_TYPE = 'other.validation-report';

/** Media type of the XLSX report. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Parameters of {@link validationReportJob}. */
export const validationReportParams = z
  .object({
    /** Customer code: the job's tenant when absent. */
    customer: customerParam,
    /** The conso whose bundles (its period and category) are checked, by code or id. */
    conso: refParam,
    /** Only these companies, by code or id; every company of the customer when absent. */
    companies: z.array(refParam).optional(),
    /** Kinds of checks to run. */
    checks: z
      .array(z.enum(CHECK_KINDS))
      .min(1)
      .default([...CHECK_KINDS]),
    /** Only these validation rules (codes) among the customer's enabled ones; all when absent. */
    rules: z.array(z.string().min(1)).optional(),
    /** Language of the workbook's labels. */
    language: languageParam,
    /** Name of the workbook; `validation-<conso>.xlsx` when absent. */
    fileName: fileNameParam,
  })
  .strict();

/** What {@link validationReportJob} returns. */
export interface ValidationReportResult {
  /** The workbook (also declared as the job's output file). */
  file: StoredFile;
  /** Companies with bundle rows in the scope. */
  companies: number;
  /** Checks made, over all rules. */
  checks: number;
  failures: number;
  blockingFailures: number;
  /** One entry per rule evaluated. */
  rules: RuleOutcome[];
}

/**
 * Evaluates the validation rules on a conso's bundles, company by company: balance (debits =
 * credits), intercompany matching of every pair of partners under the customer's IC rules, and
 * the customer's own rules (`validation_rules`, e.g. result in equity = result in P&L). Writes an
 * XLSX report (summary, then one line per failure) as an output file and returns the counts.
 * Reads only; every reference is resolved inside the job's tenant first.
 */
export const validationReportJob = defineJob<
  z.output<typeof validationReportParams>,
  ValidationReportResult,
  z.input<typeof validationReportParams>
>({
  type: VALIDATION_REPORT_JOB_TYPE,
  description: t('other.job.validationReport'),
  params: validationReportParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const { db, scope } = await openScope(services, ctx, params.customer);
      const config = configOf(services);
      const conso = await scope.conso(params.conso);
      const consoScope = await scope.forConso(conso);
      const customer = consoScope.requireCustomer();
      const companyIds =
        params.companies === undefined ? undefined : await consoScope.companies(params.companies);
      const companyRows = await db
        .selectFrom('companies')
        .select(['id', 'code', 'currency'])
        .where('customer_id', '=', customer.id)
        .execute();
      const check: CheckScope = {
        db,
        customerId: customer.id,
        referenceCurrency: customer.referenceCurrency,
        periodId: conso.period_id,
        categoryId: conso.category_id,
        companyIds,
        companies: new Map(companyRows.map((row) => [row.id, { code: row.code, currency: row.currency }])),
      };
      // With both kinds, the relation rules' pass also sums each company's balance, so the balance
      // check needs no pass of its own (it keeps its own query when no rule is evaluated).
      const both = params.checks.includes('balance') && params.checks.includes('relation');
      const relation = both ? relationChecks(check, params.rules, { totals: true }) : undefined;
      // Settled here too, so a failure surfaces once, where the loop awaits it.
      relation?.catch(() => undefined);
      const runs: Record<CheckKind, () => Promise<CheckResult>> = {
        balance: async () => {
          const totals = (await relation)?.totals;
          return totals === undefined
            ? balanceChecks(check, config.balanceTolerance)
            : balanceFromTotals(check, config.balanceTolerance, totals);
        },
        intercompany: () => intercompanyChecks(check),
        relation: () => relation ?? relationChecks(check, params.rules),
      };
      const outcomes: RuleOutcome[] = [];
      const failures: ValidationFailure[] = [];
      const kinds = CHECK_KINDS.filter((kind) => params.checks.includes(kind));
      let companies: number | undefined;
      for (const [i, kind] of kinds.entries()) {
        ctx.checkpoint();
        const result = await runs[kind]();
        companies ??= result.companies;
        outcomes.push(...result.outcomes);
        failures.push(...result.failures);
        ctx.progress(
          t('other.progress.validationChecked', {
            kind: `other.report.kind.${kind}`,
            checks: result.outcomes.reduce((n, o) => n + o.checks, 0),
            failures: result.failures.length,
          }),
          { current: i + 1, total: kinds.length },
        );
      }
      // Only when no check grouped every company (intercompany alone): a pass of its own.
      companies ??= await countCompanies(check);
      ctx.checkpoint();
      const sink = await fileStoreOf(services).create(
        params.fileName ?? `validation-${conso.code}.xlsx`,
        XLSX_MEDIA_TYPE,
        ctx,
      );
      let file: StoredFile;
      try {
        file = await writeValidationReport(
          sink,
          translatorOf(services),
          params.language ?? config.defaultLanguage,
          { conso: conso.code, period: conso.period_code, category: conso.category_code, companies },
          outcomes,
          failures,
        );
        ctx.checkpoint();
      } catch (error) {
        await sink.discard().catch(() => undefined);
        throw error;
      }
      ctx.addOutputFile(file);
      const blockingFailures = failures.filter((f) => f.blocking).length;
      ctx.progress(
        t('other.progress.validationDone', {
          file: file.name,
          failures: failures.length,
          blockingFailures,
        }),
      );
      return {
        file,
        companies,
        checks: outcomes.reduce((n, o) => n + o.checks, 0),
        failures: failures.length,
        blockingFailures,
        rules: outcomes,
      };
    },
  }),
});

async function countCompanies(check: CheckScope): Promise<number> {
  const counted = await scopedBundles(check)
    .select((eb) => eb.fn.count<number>('b.company_id').distinct().as('companies'))
    .executeTakeFirst();
  return Number(counted?.companies ?? 0);
}

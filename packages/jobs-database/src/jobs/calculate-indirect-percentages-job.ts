import { bulkInsert, type NewConsoRow } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { consoDbOf } from '../db/conso-db-of.js';
import { assertConsoUnlocked } from '../db/conso-lock-check.js';
import { jobScope } from '../db/job-scope.js';
import { calculateIndirectPercentages, EngineError, type OwnershipResult } from '../engine/index.js';
import { EngineFailureError } from '../errors/engine-failure-error.js';
import { loadMasterCodes } from '../loading/master-codes-loader.js';
import { loadOwnershipInput } from '../loading/ownership-loader.js';
import { consoJobsOptionsOf } from '../steps/conso-jobs-options.js';
import { customerParam, refParam } from './job-params.js';
import { type OwnershipDetails, ownershipDetails } from './ownership-details.js';

/** Parameters of {@link calculateIndirectPercentagesJob}. */
export const ownershipParams = z.object({
  /** Customer the conso code belongs to; defaults to the job's tenant. */
  customer: customerParam,
  /** The conso, by id or code. */
  conso: refParam,
  /** Return exact fractions, direct holdings and the inverse matrix in the result. */
  details: z.boolean().default(false),
});

/** Parameters after defaults. */
export type OwnershipParams = z.output<typeof ownershipParams>;

/** Result of the ownership job. */
export interface OwnershipJobResult {
  /** Conso code. */
  readonly conso: string;
  /** Companies written. */
  readonly companies: number;
  /** Companies by method. */
  readonly methods: Record<string, number>;
  /** Exact values and intermediate results, when asked for. */
  readonly details?: OwnershipDetails;
}

/** Job type name of {@link calculateIndirectPercentagesJob}. */
export const OWNERSHIP_JOB_TYPE = 'conso.calculate-indirect-percentages';

/**
 * CalculateIndirectPercentages: from direct holdings (percentages or share registers) computes
 * each company's financial interest, control, method, minority and integration percentages, and
 * rewrites the conso's `ownerships` in one transaction. Rows whose percentages or method were
 * entered by hand win over the computation and keep their flags.
 */
export const calculateIndirectPercentagesJob = defineJob<
  OwnershipParams,
  OwnershipJobResult,
  z.input<typeof ownershipParams>
>({
  type: OWNERSHIP_JOB_TYPE,
  description: t('conso.job.ownership'),
  params: ownershipParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) => `conso:${String(params.conso)}`,
  create: (services) => ({
    async execute(params, ctx) {
      const { db } = consoDbOf(services);
      const options = consoJobsOptionsOf(services);
      const conso = await (await jobScope(db, ctx, params.customer)).conso(params.conso);
      await assertConsoUnlocked(db, conso);
      const lock = await ctx.lock(`conso:${conso.id}`, {
        waitMs: options.lockWaitMs,
        ttlMs: options.lockTtlMs,
      });
      try {
        ctx.progress(t('conso.progress.ownership', { conso: conso.code }));
        const codes = await loadMasterCodes(db, conso.customer_id);
        const { input, flags } = await loadOwnershipInput(db, conso, codes);
        let result: OwnershipResult;
        try {
          result = calculateIndirectPercentages(input);
        } catch (error) {
          throw error instanceof EngineError ? new EngineFailureError(error, conso.code) : error;
        }
        ctx.checkpoint();
        const rows: NewConsoRow<'ownerships'>[] = [...result.companies].map(([code, c]) => ({
          conso_id: conso.id,
          company_id: codes.companies.id(code) as number,
          group_pct: c.interest,
          control_pct: c.control,
          minority_pct: c.minority,
          integration_pct: c.integration,
          method: c.method,
          pct_override: flags.get(code)?.pct === true ? 1 : 0,
          method_override: flags.get(code)?.method === true ? 1 : 0,
        }));
        await db.transaction().execute(async (trx) => {
          await assertConsoUnlocked(trx, conso);
          await trx.deleteFrom('ownerships').where('conso_id', '=', conso.id).execute();
          await bulkInsert(trx, 'ownerships', rows);
        });
        ctx.progress(t('conso.progress.ownershipDone', { conso: conso.code, companies: rows.length }));
        const methods: Record<string, number> = {};
        for (const c of result.companies.values()) methods[c.method] = (methods[c.method] ?? 0) + 1;
        return {
          conso: conso.code,
          companies: rows.length,
          methods,
          ...(params.details ? { details: ownershipDetails(result) } : {}),
        };
      } finally {
        await lock.release();
      }
    },
  }),
});

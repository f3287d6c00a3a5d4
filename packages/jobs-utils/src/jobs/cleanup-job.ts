import { type ConsoDb, consoDbToken, TenantScope } from '@hangar/conso-db';
import { assertSystemJob, defineJob, type JobContext, type ServiceResolver, t } from '@hangar/core';
import type { z } from 'zod';
import { cleanFinishedJobs } from '../cleanup/clean-finished-jobs.js';
import { cleanModificationLog } from '../cleanup/clean-modification-log.js';
import { cleanOldFiles } from '../cleanup/clean-old-files.js';
import { cleanStagingTables } from '../cleanup/clean-staging-tables.js';
import {
  CLEANUP_KINDS,
  type CleanupCount,
  type CleanupKind,
  type CleanupRun,
  daysMs,
} from '../cleanup/cleanup-kinds.js';
import { type CleanupParams, cleanupParams } from '../cleanup/cleanup-params.js';
import { InvalidParamError } from '../errors/invalid-param-error.js';
import { queueAdapterToken } from '../queue/queue-token.js';
import { type CleanupOptions, utilsOptionsOf } from '../settings/utils-options.js';

export const CLEANUP_JOB_TYPE = 'utils.cleanup';

/** What a cleanup returns: per kind, what was deleted (or would be, in a dry run). */
export interface CleanupResult {
  readonly dryRun: boolean;
  readonly kinds: readonly CleanupCount[];
}

/** Why a kind cannot run here, or undefined when it can. */
function missing(kind: CleanupKind, services: ServiceResolver, options: CleanupOptions): string | undefined {
  if (kind === 'jobs' && !services.has(queueAdapterToken))
    return 'needs the queue (register queueAdapterToken)';
  if (kind === 'files' && options.directories.length === 0)
    return 'needs cleanup.directories in the settings';
  if ((kind === 'staging' || kind === 'modificationLog') && !services.has(consoDbToken))
    return 'needs the consolidation database (consoDbToken)';
  return undefined;
}

/**
 * The kinds to clean, refused before anything is deleted: a customer's job (when the operator
 * allows it at all) may clean only its own modification log; an explicit kind whose service or
 * setting is missing is `UTILS_INVALID_PARAM` naming it. Without `kinds`, every available kind.
 */
function kindsOf(
  params: CleanupParams,
  ctx: JobContext,
  services: ServiceResolver,
  options: CleanupOptions,
): CleanupKind[] {
  const tenant = ctx.customerId;
  if (tenant !== undefined) {
    assertSystemJob(ctx, { what: CLEANUP_JOB_TYPE, allowedCustomers: options.allowedCustomers });
    const kinds = params.kinds ?? ['modificationLog'];
    kinds.forEach((kind, i) => {
      if (kind !== 'modificationLog')
        assertSystemJob(ctx, { what: `${CLEANUP_JOB_TYPE} (kinds.${i}: ${kind})` });
    });
  }
  if (params.kinds === undefined && tenant === undefined)
    return CLEANUP_KINDS.filter((kind) => missing(kind, services, options) === undefined);
  const kinds = params.kinds ?? ['modificationLog'];
  kinds.forEach((kind, i) => {
    const problem = missing(kind, services, options);
    if (problem !== undefined) throw new InvalidParamError(`kinds.${i}`, `${kind} ${problem}`);
  });
  return [...new Set(kinds)];
}

/**
 * Retention: deletes finished jobs and their logs past their age through the queue's retention
 * call, files older than N days in the configured directories, staging tables interrupted imports
 * left behind, and modification-log entries past their retention. Reports counts and bytes per
 * kind; `dryRun` counts without deleting. System jobs clean everything (or one customer's log);
 * a customer's job, if the operator allows it, only its own modification log.
 */
export const cleanupJob = defineJob<CleanupParams, CleanupResult, z.input<typeof cleanupParams>>({
  type: CLEANUP_JOB_TYPE,
  description: t('utils.job.cleanup'),
  params: cleanupParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: () => CLEANUP_JOB_TYPE,
  create: (services) => ({
    async execute(params, ctx) {
      const options = utilsOptionsOf(services).cleanup;
      const kinds = kindsOf(params, ctx, services, options);
      const conso: ConsoDb | undefined = services.has(consoDbToken) ? services.get(consoDbToken) : undefined;
      let customerId: number | undefined;
      if (conso !== undefined && (ctx.customerId !== undefined || params.customer !== undefined)) {
        const scope = await TenantScope.open(conso.db, { tenant: ctx.customerId, customer: params.customer });
        customerId = scope.requireCustomer().id;
      } else if (params.customer !== undefined) {
        throw new InvalidParamError('customer', 'needs the consolidation database (consoDbToken)');
      }
      const age = (param: number | undefined, setting: number) => daysMs(param ?? setting);
      const now = Date.now();
      const counts: CleanupCount[] = [];
      for (const [index, kind] of kinds.entries()) {
        const report = (done: number) =>
          ctx.progress(t('utils.progress.cleanup', { kind, done, dryRun: params.dryRun }), {
            current: index,
            total: kinds.length,
          });
        const run: CleanupRun = { ctx, dryRun: params.dryRun, progress: report };
        report(0);
        if (kind === 'jobs') {
          const policy = {
            succeededMs: age(params.succeededJobDays, options.succeededJobDays),
            cancelledMs: age(params.cancelledJobDays, options.cancelledJobDays),
            failedMs: age(params.failedJobDays, options.failedJobDays),
            batchSize: options.batchSize,
          };
          counts.push(
            await cleanFinishedJobs(services.get(queueAdapterToken), policy, run, options.pauseRatio),
          );
        } else if (kind === 'files') {
          const cutoff = new Date(now - age(params.fileDays, options.fileDays));
          counts.push(await cleanOldFiles(options.directories, cutoff, run));
        } else if (kind === 'staging') {
          counts.push(await cleanStagingTables(conso!, run));
        } else {
          const cutoff = new Date(now - age(params.modificationLogDays, options.modificationLogDays));
          counts.push(await cleanModificationLog(conso!.db, customerId, cutoff, options.batchSize, run));
        }
        const last = counts[counts.length - 1]!;
        ctx.progress(
          t('utils.progress.cleanupKindDone', {
            kind,
            count: last.count,
            bytes: last.bytes ?? '-',
            dryRun: params.dryRun,
          }),
          { current: index + 1, total: kinds.length },
        );
      }
      return { dryRun: params.dryRun, kinds: counts };
    },
  }),
});

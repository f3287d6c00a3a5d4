import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { logModification } from '@hangar/conso-db';
import { defineJob, t } from '@hangar/core';
import { sql } from 'kysely';
import { z } from 'zod';
import { jobListerToken } from '../backup/backup-settings.js';
import { consoDbOf } from '../db/conso-db-of.js';
import { jobScope } from '../db/job-scope.js';
import { userIdOfLogin } from '../db/user-id.js';
import { runDeletion } from '../deletion/run-deletion.js';
import { CsvFile } from '../logs/csv-writer.js';
import { exportJobHistory, JOB_HISTORY_HEADER } from '../logs/job-history-export.js';
import type { LogFilter } from '../logs/log-filter.js';
import { exportModificationLog, MODIFICATION_LOG_HEADER } from '../logs/modification-log-export.js';
import { systemLogsSettingsOf } from '../logs/system-logs-settings.js';
import { customerParam } from './job-params.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/);

/** Parameters of {@link systemLogsJob}. */
export const systemLogsParams = z
  .object({
    /** Customer whose logs are exported (a customer's job: only its own; a system job: any, or all). */
    customer: customerParam,
    /** Inclusive start of the period (`YYYY-MM-DD` or an ISO timestamp in UTC). */
    from: isoDate.optional(),
    /** Exclusive end of the period. */
    to: isoDate.optional(),
    /** Only this log group (the id of the job that wrote the entries). */
    logGroup: z.string().min(1).max(100).optional(),
    /** Only this user's entries and jobs (login). */
    user: z.string().min(1).max(100).optional(),
    /** After the export, delete modification-log entries older than this many days. */
    retentionDays: z.number().int().min(1).max(36_500).optional(),
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from < p.to, {
    path: ['to'],
    message: 'must be after from',
  });

/** Parameters after defaults. */
export type SystemLogsParams = z.output<typeof systemLogsParams>;

/** Result of an export. */
export interface SystemLogsResult {
  /** Modification-log entries and jobs exported. */
  readonly logEntries: number;
  readonly jobs: number | null;
  /** Entries purged past the retention. */
  readonly purged: number;
}

/** Job type name of {@link systemLogsJob}. */
export const SYSTEM_LOGS_JOB_TYPE = 'conso.system-logs';

/**
 * SystemLogs: exports the modification log and the job history (filtered by period, customer, log
 * group and user) to CSV files in the configured directory, then purges the log past its retention.
 */
export const systemLogsJob = defineJob<SystemLogsParams, SystemLogsResult, z.input<typeof systemLogsParams>>({
  type: SYSTEM_LOGS_JOB_TYPE,
  description: t('conso.job.systemLogs'),
  params: systemLogsParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const consoDb = consoDbOf(services);
      const { db } = consoDb;
      // The tenant first: a customer's job is confined to its own logs whatever it names.
      const customer = (await jobScope(db, ctx, params.customer)).customer;
      const settings = systemLogsSettingsOf(services);
      await mkdir(settings.directory, { recursive: true });
      const filter: LogFilter = {
        customerId: customer?.id,
        customerCode: customer?.code,
        from: params.from,
        to: params.to,
        logGroup: params.logGroup,
        user: params.user,
      };
      const stamp = `${customer?.code ?? 'all'}-${ctx.jobId}`;
      const lister = services.has(jobListerToken) ? services.get(jobListerToken) : undefined;
      const total = lister === undefined ? 2 : 3;

      ctx.progress(t('conso.progress.systemLogs', { part: 'modification_log' }), { current: 0, total });
      const logPath = join(settings.directory, `modification-log-${stamp}.csv`);
      const logFile = new CsvFile(logPath, MODIFICATION_LOG_HEADER);
      const logEntries = await exportModificationLog(db, filter, logFile, () => ctx.checkpoint()).finally(
        () => logFile.close(),
      );
      await addCsv(ctx, logPath);

      let jobs: number | null = null;
      if (lister === undefined) ctx.warn(t('conso.warning.jobHistoryUnavailable'));
      else {
        ctx.progress(t('conso.progress.systemLogs', { part: 'jobs' }), { current: 1, total });
        const jobsPath = join(settings.directory, `job-history-${stamp}.csv`);
        const jobsFile = new CsvFile(jobsPath, JOB_HISTORY_HEADER);
        jobs = await exportJobHistory(lister, filter, jobsFile, () => ctx.checkpoint()).finally(() =>
          jobsFile.close(),
        );
        await addCsv(ctx, jobsPath);
      }

      let purged = 0;
      if (params.retentionDays !== undefined) {
        ctx.progress(t('conso.progress.systemLogs', { part: 'purge' }), { current: total - 1, total });
        const cutoff = new Date(Date.now() - params.retentionDays * 86_400_000).toISOString();
        const own = customer === undefined ? sql`1 = 1` : sql`customer_id = ${customer.id}`;
        const rows = await runDeletion({
          consoDb,
          steps: [
            {
              table: 'modification_log',
              where: sql`${own} and logged_at < ${cutoff}`,
              key: 'id',
              action: 'delete',
            },
          ],
          batchSize: 5000,
          ctx,
        });
        purged = rows.modification_log ?? 0;
      }
      // The log needs a customer: an export over all customers is recorded by its job only.
      if (customer !== undefined) {
        await logModification(db, {
          customerId: customer.id,
          logGroup: ctx.jobId,
          messageKey: 'conso.log.systemLogsExported',
          params: { entries: logEntries, jobs: jobs ?? 0, purged },
          userId: await userIdOfLogin(db, customer.id, ctx.userId),
          screen: ctx.type,
        });
      }
      ctx.progress(t('conso.progress.systemLogs', { part: 'done' }), { current: total, total });
      return { logEntries, jobs, purged };
    },
  }),
});

async function addCsv(
  ctx: { addOutputFile(file: { name: string; size: number; mediaType: string; location: string }): void },
  path: string,
) {
  const name = path.split(/[\\/]/).at(-1) ?? path;
  ctx.addOutputFile({ name, size: (await stat(path)).size, mediaType: 'text/csv', location: path });
}

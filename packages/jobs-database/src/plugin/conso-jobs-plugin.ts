import { bindJobsToTenant, consoDbMessages } from '@hangar/conso-db';
import { ConfigurationError, definePlugin, type HangarPlugin } from '@hangar/core';
import { backupSettingsToken } from '../backup/backup-settings.js';
import { createEvaluateCommand } from '../cli/conso-evaluate-command.js';
import { dbMigrateCommand } from '../cli/db-migrate-command.js';
import { backupJob } from '../jobs/backup-job.js';
import { calculateIndirectPercentagesJob } from '../jobs/calculate-indirect-percentages-job.js';
import { consoActionJob } from '../jobs/conso-action-job.js';
import { consolidationIntegrationJob } from '../jobs/consolidation-integration-job.js';
import { copyConsoJob } from '../jobs/copy-conso-job.js';
import { copyStructureJob } from '../jobs/copy-structure-job.js';
import { copySubGroupJob } from '../jobs/copy-sub-group-job.js';
import { customProcedureJob } from '../jobs/custom-procedure-job.js';
import { deleteConsoJob } from '../jobs/delete-conso-job.js';
import { deleteCustomerJob } from '../jobs/delete-customer-job.js';
import { processManagementJob } from '../jobs/process-management-job.js';
import { restoreJob } from '../jobs/restore-job.js';
import { systemLogsJob } from '../jobs/system-logs-job.js';
import { workflowJob } from '../jobs/workflow-job.js';
import { systemLogsSettingsToken } from '../logs/system-logs-settings.js';
import { consoMessages } from '../messages/conso-messages.js';
import { type ConsoJobsOptions, consoJobsOptionsToken } from '../steps/conso-jobs-options.js';
import { checkProcedureName } from '../steps/stored-procedure.js';
import { consoJobsSettings } from './conso-jobs-settings.js';

/** Package name the plugin registers under. */
export const CONSO_JOBS_PLUGIN_NAME = '@hangar/jobs-database';

/**
 * Builds the consolidation plugin: its jobs, their options (stored procedure mode, lock wait,
 * batch size) as a service, the en/fr messages, the `conso evaluate` and `db migrate` commands,
 * and the settings a host reads to open its database. Procedure names and the statement limit are
 * checked here, so a bad value fails at start-up, not mid-run.
 */
export function createConsoJobsPlugin(options: ConsoJobsOptions = {}): HangarPlugin {
  for (const name of Object.values(options.storedProcedures ?? {}))
    if (name !== undefined) checkProcedureName(name);
  const limit = options.statementTimeoutMs;
  if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
    throw new ConfigurationError('statementTimeoutMs', `must be a positive whole number of ms, got ${limit}`);
  }
  const blocking = options.blockOnFailedRules;
  if (blocking !== undefined && typeof blocking !== 'boolean') {
    throw new ConfigurationError('blockOnFailedRules', `must be true or false, got ${String(blocking)}`);
  }
  const plugin: HangarPlugin = definePlugin({
    name: CONSO_JOBS_PLUGIN_NAME,
    // Each job runs as its tenant, so PostgreSQL row-level security confines it when enabled.
    jobs: bindJobsToTenant([
      consolidationIntegrationJob,
      calculateIndirectPercentagesJob,
      consoActionJob,
      deleteConsoJob,
      deleteCustomerJob,
      copyConsoJob,
      copyStructureJob,
      copySubGroupJob,
      backupJob,
      restoreJob,
      customProcedureJob,
      systemLogsJob,
      workflowJob,
      processManagementJob,
    ]),
    services: [
      { token: consoJobsOptionsToken, value: options },
      ...(options.backup === undefined ? [] : [{ token: backupSettingsToken, value: options.backup }]),
      ...(options.systemLogs === undefined
        ? []
        : [{ token: systemLogsSettingsToken, value: options.systemLogs }]),
    ],
    // The data layer's errors reach users through these jobs, so its messages ship with them.
    messages: {
      en: { ...consoDbMessages.en, ...consoMessages.en },
      fr: { ...consoDbMessages.fr, ...consoMessages.fr },
    },
    commands: [createEvaluateCommand(() => plugin), dbMigrateCommand],
    settings: consoJobsSettings(options),
  });
  return plugin;
}

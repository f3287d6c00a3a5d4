// Public API of @hangar/jobs-database: the consolidation job pack.
import { createConsoJobsPlugin } from './plugin/conso-jobs-plugin.js';

/** The consolidation plugin with default options (no stored procedures). */
export const consoJobsPlugin = createConsoJobsPlugin();

/** Backup settings, the manifest written beside each backup, and the running-jobs service a restore checks. */
export type { BackupManifest } from './backup/backup-manifest.js';
export {
  type BackupSettings,
  backupSettingsToken,
  type JobLister,
  jobListerToken,
} from './backup/backup-settings.js';
/** The manifest of a customer archive (`conso.backup` with scope `customer`). */
export {
  CUSTOMER_ARCHIVE_FORMAT,
  type CustomerArchiveManifest,
} from './backup/customer-archive-manifest.js';
/** Loads a reference case into a migrated database. */
export { type LoadedCase, loadCase } from './case-loading/load-case.js';
/** The pure consolidation engine. */
export * as engine from './engine/index.js';
/** Typed errors of the jobs, each with a stable code. */
export { ConsoError } from './errors/conso-error.js';
/** A conso is locked; names the login and the time. */
export { ConsoLockedError } from './errors/conso-locked-error.js';
/** A customer archive's customer exists where it is restored and `replace` was not asked; code `RESTORE_CUSTOMER_EXISTS`. */
export { RestoreCustomerExistsError } from './errors/restore-customer-exists-error.js';
/** A step ran longer than the statement limit; names the step, the conso and the limit. */
export { StepTimeoutError } from './errors/step-timeout-error.js';
/** A stored procedure returned errors in its @errorinfo XML. */
export { StoredProcedureError } from './errors/stored-procedure-error.js';
/** Backup: the whole database (system jobs) or one customer's rows as a portable archive, with a manifest. */
export {
  BACKUP_JOB_TYPE,
  type BackupParams,
  type BackupResult,
  backupJob,
  backupParams,
} from './jobs/backup-job.js';
/** CalculateIndirectPercentages: writes the conso's ownerships. */
export {
  calculateIndirectPercentagesJob,
  OWNERSHIP_JOB_TYPE,
  type OwnershipJobResult,
  type OwnershipParams,
  ownershipParams,
} from './jobs/calculate-indirect-percentages-job.js';
/** Conso actions: lock, unlock, recompute a step, clear data. */
export {
  CONSO_ACTION_JOB_TYPE,
  type ConsoActionParams,
  type ConsoActionResult,
  consoActionJob,
  consoActionParams,
} from './jobs/conso-action-job.js';
/** What became of each conso of an integration run (the result's `outcomes`). */
export type { ConsoOutcome, ConsoOutcomeRow } from './jobs/conso-outcomes.js';
/** ConsolidationIntegrationJob: LinkedCategories → formulas → Bundles → Adjustments → Elims. */
export {
  consolidationIntegrationJob,
  INTEGRATION_JOB_TYPE,
  type IntegrationParams,
  type IntegrationResult,
  integrationParams,
} from './jobs/consolidation-integration-job.js';
/** CopyConso: copies a conso to a new code, period or category, all-or-nothing. */
export {
  COPY_CONSO_JOB_TYPE,
  type CopyConsoParams,
  type CopyConsoResult,
  copyConsoJob,
  copyConsoParams,
} from './jobs/copy-conso-job.js';
/** CopyStructure: copies companies, accounts, flows, categories and rules to another customer. */
export {
  COPY_STRUCTURE_JOB_TYPE,
  type CopyStructureParams,
  type CopyStructureResult,
  copyStructureJob,
  copyStructureParams,
} from './jobs/copy-structure-job.js';
/** CopySubGroup: copies a company and the companies it holds into another conso. */
export {
  COPY_SUB_GROUP_JOB_TYPE,
  type CopySubGroupParams,
  type CopySubGroupResult,
  copySubGroupJob,
  copySubGroupParams,
} from './jobs/copy-sub-group-job.js';
/** CustomProcedure: runs a procedure registered for the customer, its values checked against its definitions. */
export {
  CUSTOM_PROCEDURE_JOB_TYPE,
  type CustomProcedureParams,
  type CustomProcedureResult,
  customProcedureJob,
  customProcedureParams,
} from './jobs/custom-procedure-job.js';
/** DeleteConso: removes a conso and everything that hangs off it, in batches, resumable. */
export {
  DELETE_CONSO_JOB_TYPE,
  type DeleteConsoParams,
  type DeleteConsoResult,
  deleteConsoJob,
  deleteConsoParams,
} from './jobs/delete-conso-job.js';
/** DeleteCustomer (system jobs only): removes a customer and all its rows, in batches, resumable. */
export {
  DELETE_CUSTOMER_JOB_TYPE,
  type DeleteCustomerParams,
  type DeleteCustomerResult,
  deleteCustomerJob,
  deleteCustomerParams,
} from './jobs/delete-customer-job.js';
/** ProcessManagementJob: the closing board of a conso's period, its due steps and reminders. */
export {
  PROCESS_MANAGEMENT_JOB_TYPE,
  type ProcessCompanyStatus,
  type ProcessManagementParams,
  type ProcessManagementResult,
  processManagementJob,
  processManagementParams,
} from './jobs/process-management-job.js';
/** Restore (system jobs only): the whole database or a customer archive, verified first, all-or-nothing. */
export {
  RESTORE_JOB_TYPE,
  type RestoreParams,
  type RestoreResult,
  restoreJob,
  restoreParams,
} from './jobs/restore-job.js';
/** SystemLogs: exports the modification log and job history to CSV, then purges past retention. */
export {
  SYSTEM_LOGS_JOB_TYPE,
  type SystemLogsParams,
  type SystemLogsResult,
  systemLogsJob,
  systemLogsParams,
} from './jobs/system-logs-job.js';
/** Settings of the system logs export. */
export { type SystemLogsSettings, systemLogsSettingsToken } from './logs/system-logs-settings.js';
/** English and French messages of the pack. */
export { consoMessages } from './messages/conso-messages.js';
/** Builds the plugin with options, e.g. stored procedure names per step. */
export { CONSO_JOBS_PLUGIN_NAME, createConsoJobsPlugin } from './plugin/conso-jobs-plugin.js';
/** Options of the plugin, their defaults and the service token the jobs read them from. */
export {
  CONSO_JOBS_DEFAULTS,
  type ConsoJobsOptions,
  consoJobsOptionsToken,
} from './steps/conso-jobs-options.js';
/** Step flags of the integration job, and what a flag set runs in order (formulas included). */
export { type ConsoStep, type RunItem, runPlanOf, STEP_FLAGS } from './steps/step-flags.js';

/** The plugin, as the CLI and runners load it by default. */
export default consoJobsPlugin;
/** A workflow's steps failed or were cancelled; code `WORKFLOW_FAILED`. */
export { WorkflowFailedError } from './errors/workflow-failed-error.js';
/** WorkflowJob: a declared workflow of jobs run as jobs on the queue under the workflow's tenant. */
export { WORKFLOW_JOB_TYPE, workflowJob } from './jobs/workflow-job.js';
export { conditionHolds } from './workflow/workflow-condition.js';
/** What a workflow declares and how its conditions read a step's result. */
export {
  type StepCondition,
  type WorkflowParams,
  type WorkflowStep,
  workflowParams,
} from './workflow/workflow-declaration.js';
export { type StepStatus, stepKey, type WorkflowResult } from './workflow/workflow-run.js';

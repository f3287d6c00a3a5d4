import { utilsPlugin } from './plugin/utils-plugin.js';

export { CLEANUP_KINDS, type CleanupCount, type CleanupKind } from './cleanup/cleanup-kinds.js';
export { type CleanupParams, cleanupParams } from './cleanup/cleanup-params.js';
export { CommandFailedError } from './errors/command-failed-error.js';
export { CommandNotAllowedError } from './errors/command-not-allowed-error.js';
export { CommandTimeoutError } from './errors/command-timeout-error.js';
export { InvalidParamError } from './errors/invalid-param-error.js';
export { PathOutsideRootError } from './errors/path-outside-root-error.js';
export { PeriodBusyError } from './errors/period-busy-error.js';
export { SqlStatementError } from './errors/sql-statement-error.js';
export { StoredProcedureError } from './errors/stored-procedure-error.js';
export { UnknownConnectionError } from './errors/unknown-connection-error.js';
export {
  type MssqlIndexFragmentation,
  mssqlIndexStatement,
} from './indexes/mssql-index-maintenance.js';
export { CLEANUP_JOB_TYPE, type CleanupResult, cleanupJob } from './jobs/cleanup-job.js';
export {
  CLOSE_PERIOD_JOB_TYPE,
  type ClosePeriodResult,
  closePeriodJob,
  closePeriodParams,
} from './jobs/close-period-job.js';
export {
  INDEX_REBUILD_JOB_TYPE,
  type IndexRebuildResult,
  indexRebuildJob,
  indexRebuildParams,
  type TableMaintenance,
} from './jobs/index-rebuild-job.js';
export {
  RUN_COMMAND_LINE_JOB_TYPE,
  type RunCommandLineResult,
  runCommandLineJob,
  runCommandLineParams,
} from './jobs/run-command-line-job.js';
export {
  RUN_SQL_COMMAND_JOB_TYPE,
  type RunSqlCommandResult,
  runSqlCommandJob,
  runSqlCommandParams,
  type StatementOutcome,
} from './jobs/run-sql-command-job.js';
export {
  RUN_STORED_PROCEDURE_JOB_TYPE,
  type RunStoredProcedureResult,
  runStoredProcedureJob,
} from './jobs/run-stored-procedure-job.js';
export { utilsMessages } from './messages/utils-messages.js';
export { utilsJobs } from './plugin/utils-jobs.js';
export {
  createUtilsPlugin,
  UtilsPlugin,
  utilsPlugin,
  utilsPluginFromSettings,
} from './plugin/utils-plugin.js';
export {
  PROCEDURE_PARAM_TYPES,
  type ProcedureParam,
  type ProcedureParamType,
  type RunStoredProcedureParams,
  runStoredProcedureParams,
} from './procedure/procedure-params.js';
export { type ProcessExit, ProcessGroup, type ProcessGroupSpec } from './process/process-group.js';
export { queueAdapterToken } from './queue/queue-token.js';
export {
  type CleanupOptions,
  type CommandLineOptions,
  configuredEntry,
  resolveUtilsOptions,
  type SqlCommandOptions,
  UTILS_DEFAULTS,
  type UtilsOptions,
  type UtilsPluginOptions,
  utilsOptionsOf,
  utilsOptionsToken,
} from './settings/utils-options.js';
export { parseUtilsSettings, type UtilsSettings, utilsSettings } from './settings/utils-settings.js';
export {
  type ScriptDialect,
  type ScriptStatement,
  ScriptSyntaxError,
  splitSqlScript,
} from './sql/sql-splitter.js';

/** The plugin (default export): every utility job and the en/fr messages, nothing allowed yet. */
export default utilsPlugin;

export {
  type ErrorInfo,
  type ErrorInfoEntry,
  errorInfoFromError,
  errorInfoMessage,
  type Severity,
} from './error-info/error-info.js';
export { errorInfoToXml, parseErrorInfoXml } from './error-info/error-info-xml.js';
export * from './errors/index.js';
export { type HangarEvents, safeEmit } from './events/hangar-events.js';
export {
  isPlainFileSegment,
  jobOutputArea,
  tenantFileArea,
  tenantUploadArea,
} from './files/tenant-file-areas.js';
export { coreMessages } from './i18n/core-messages.js';
export { type MessageParam, type TranslatableString, t } from './i18n/translatable-string.js';
export {
  FALLBACK_LANGUAGE,
  type MessageCatalog,
  type MessageCatalogs,
  Translator,
} from './i18n/translator.js';
export { type ItemOutcome, itemOutcomesOf } from './job/item-outcome.js';
export {
  type AnyJobDefinition,
  defineJob,
  type Job,
  type JobDefinition,
  type JobIsolation,
  type JobParamsInputOf,
  type JobParamsOf,
  type JobResultOf,
} from './job/job.js';
export type { JobContext, LockHandle, LockOptions, ProgressCounts } from './job/job-context.js';
export type { JobResult, OutputFile } from './job/job-result.js';
export {
  type EndedJob,
  type JobSubmitter,
  type JobWatch,
  jobSubmitterToken,
  type SubmitOptions,
  type SubmitRequest,
} from './job/job-submitter.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './job/retry-policy.js';
export {
  createServiceToken,
  mapServiceResolver,
  type ServiceRegistration,
  type ServiceResolver,
  type ServiceToken,
} from './job/services.js';
export { assertSystemJob, type SystemJobCheck } from './job/system-job.js';
export { validateParams } from './job/validate-params.js';
export { type LogFields, type LogFn, type Logger, silentLogger } from './logger/logger.js';
export {
  type CliCommand,
  type CliHost,
  type CliIo,
  definePlugin,
  type EmbeddedHost,
  type HangarPlugin,
} from './plugin/plugin.js';
export {
  definePluginSettings,
  type PluginServices,
  type PluginSettings,
  type PluginSettingsContext,
  type SharedResource,
} from './plugin/plugin-settings.js';
export type { JobCounts, JobCountsFilter, OldestWaitingJob, QueueStateCount } from './queue/job-counts.js';
export type {
  JobRecord,
  LogEntry,
  LogLevel,
  NewLogEntry,
  ProgressSnapshot,
  WorkerIdentity,
} from './queue/job-record.js';
export {
  PARENT_CONDITION_STATES,
  type ParentCondition,
  type ParentDependency,
  type ParentDependencyInput,
  parentConditionHolds,
} from './queue/parent-dependency.js';
export type {
  CancelOutcome,
  ClaimRequest,
  DeleteOutcome,
  EnqueueOptions,
  EnqueueRequest,
  EnqueueResult,
  FailRequest,
  JobPage,
  ListJobsFilter,
  QueueAdapter,
  QueueChange,
  RetentionPolicy,
  RetryOutcome,
  RetryRequest,
  ScheduleJobOptions,
  ScheduleRecord,
  SubscribeOptions,
  Unsubscribe,
} from './queue/queue-adapter.js';
export { isWakeUp } from './queue/queue-adapter.js';
export type { QueueDepth, RunnerInfo, RunnerRecord } from './queue/runner-record.js';
export {
  type FinishedJobsPage,
  type FinishedJobsQuery,
  sameTriggerCursor,
  supportsTriggers,
  TRIGGER_END_STATES,
  type TriggerCursor,
  type TriggerEndState,
  type TriggerEvent,
  type TriggerJob,
  type TriggerRecord,
  type TriggerStore,
  triggerMatches,
} from './queue/trigger-record.js';
export {
  assertTransition,
  canTransition,
  isTerminalState,
  JOB_STATES,
  JOB_TRANSITIONS,
  JobState,
  RETRYABLE_STATES,
  statesLeadingTo,
  TERMINAL_STATES,
} from './state/job-state.js';

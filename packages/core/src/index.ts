export * from './errors/index.js';
export { t, type MessageParam, type TranslatableString } from './i18n/translatable-string.js';
export {
  Translator,
  FALLBACK_LANGUAGE,
  type MessageCatalog,
  type MessageCatalogs,
} from './i18n/translator.js';
export { coreMessages } from './i18n/core-messages.js';
export {
  errorInfoFromError,
  errorInfoMessage,
  type ErrorInfo,
  type ErrorInfoEntry,
  type Severity,
} from './error-info/error-info.js';
export { parseErrorInfoXml, errorInfoToXml } from './error-info/error-info-xml.js';
export {
  JobState,
  JOB_STATES,
  JOB_TRANSITIONS,
  isTerminalState,
  canTransition,
  assertTransition,
} from './state/job-state.js';
export { silentLogger, type Logger, type LogFn, type LogFields } from './logger/logger.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './job/retry-policy.js';
export type { JobResult, OutputFile } from './job/job-result.js';
export {
  createServiceToken,
  mapServiceResolver,
  type ServiceToken,
  type ServiceResolver,
  type ServiceRegistration,
} from './job/services.js';
export type { JobContext, ProgressCounts, LockHandle, LockOptions } from './job/job-context.js';
export {
  defineJob,
  type Job,
  type JobDefinition,
  type AnyJobDefinition,
  type JobParamsOf,
  type JobResultOf,
} from './job/job.js';
export { validateParams } from './job/validate-params.js';
export { safeEmit, type HangarEvents } from './events/hangar-events.js';
export type {
  JobRecord,
  LogEntry,
  LogLevel,
  NewLogEntry,
  ProgressSnapshot,
  WorkerIdentity,
} from './queue/job-record.js';
export type {
  QueueAdapter,
  EnqueueRequest,
  EnqueueOptions,
  EnqueueResult,
  ClaimRequest,
  FailRequest,
  ListJobsFilter,
  JobPage,
  CancelOutcome,
  ScheduleRecord,
  ScheduleJobOptions,
  QueueChange,
  RetentionPolicy,
  Unsubscribe,
} from './queue/queue-adapter.js';
export {
  definePlugin,
  type HangarPlugin,
  type CliCommand,
  type CliIo,
  type CliHost,
  type EmbeddedHost,
} from './plugin/plugin.js';

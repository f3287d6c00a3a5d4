import { otherJobsPlugin } from './plugin/other-jobs-plugin.js';

export { type RuleSelector, ruleSelectorSchema, ValidationRuleError } from '@hangar/conso-db';
export type { DryRunReport } from './di/dry-run.js';
export {
  type DiStudioParams,
  diStudioParams,
  type PipelineSource,
  pipelineSourceSchema,
} from './di/pipeline.js';
export type { SendOutcome } from './email/smtp-sender.js';
export { AttachmentNotFoundError } from './errors/attachment-not-found-error.js';
export { EmailRejectedError } from './errors/email-rejected-error.js';
export { EmailTransientError } from './errors/email-transient-error.js';
export { JobParamError } from './errors/job-param-error.js';
export { UrlNotAllowedError } from './errors/url-not-allowed-error.js';
export { WebServiceRefusedError } from './errors/web-service-refused-error.js';
export { WebServiceUnavailableError } from './errors/web-service-unavailable-error.js';
export {
  FLEX_DIMENSIONS,
  type FlexBinding,
  type FlexDimension,
  flexBindingSchema,
} from './flex/flex-binding.js';
export {
  DI_STUDIO_JOB_TYPE,
  type DiStudioResult,
  diStudioJob,
} from './jobs/di-studio-job.js';
export {
  EMAIL_JOB_TYPE,
  type EmailResult,
  emailJob,
  emailParams,
  type RecipientOutcome,
} from './jobs/email-job.js';
export {
  FLEX_SHEET_JOB_TYPE,
  type FlexSheetResult,
  flexSheetJob,
  flexSheetParams,
} from './jobs/flex-sheet-job.js';
export {
  VALIDATION_REPORT_JOB_TYPE,
  type ValidationReportResult,
  validationReportJob,
  validationReportParams,
  XLSX_MEDIA_TYPE,
} from './jobs/validation-report-job.js';
export {
  WEB_SERVICE_JOB_TYPE,
  type WebServiceResult,
  webServiceJob,
  webServiceParams,
} from './jobs/web-service-job.js';
export { otherMessages } from './messages/other-messages.js';
export { DI_STUDIO_DEFAULTS, type DiConnection, type DiStudioOptions } from './plugin/di-studio-options.js';
export { otherJobs } from './plugin/other-jobs.js';
export {
  BUILT_IN_TEMPLATES,
  type EmailTemplate,
  OTHER_JOBS_DEFAULTS,
  type OtherJobsConfig,
  type OtherJobsOptions,
  otherJobsConfigToken,
  type SmtpOptions,
} from './plugin/other-jobs-options.js';
export {
  createOtherJobsPlugin,
  OtherJobsPlugin,
  otherJobsPlugin,
} from './plugin/other-jobs-plugin.js';
export {
  type AllowedEndpoint,
  WEB_SERVICE_DEFAULTS,
  type WebServiceOptions,
} from './plugin/web-service-options.js';
export { type JobRecordSource, jobRecordsToken } from './services/job-records.js';
export { otherTranslatorToken } from './services/other-services.js';
export {
  createOtherJobsPluginFromSettings,
  type OtherJobsSettings,
  otherJobsSettings,
} from './settings/other-jobs-settings.js';
export {
  saveValidationRule,
  type ValidationRuleInput,
  validationRuleSchema,
} from './validation/validation-rules.js';
export {
  CHECK_KINDS,
  type CheckKind,
  type RuleOutcome,
  type ValidationFailure,
} from './validation/validation-types.js';

/** The plugin (default export): every job, the default file store and the en/fr messages. */
export default otherJobsPlugin;

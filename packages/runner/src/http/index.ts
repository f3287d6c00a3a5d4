export * from '../dashboard/index.js';
export { METRICS_DEFAULTS, type MetricsOptions } from '../metrics/metrics-options.js';
export {
  API_ROLES,
  type ApiRole,
  type ApiToken,
  type AuthOptions,
  type Caller,
  MIN_TOKEN_LENGTH,
} from './auth.js';
export {
  type ErrorBody,
  FileNotFoundError,
  ForbiddenError,
  HTTP_STATUS_BY_CODE,
  RequestInvalidError,
  RouteNotFoundError,
  UnauthorizedError,
} from './http-errors.js';
export { httpMessages } from './http-messages.js';
export {
  type HangarHttpOptions,
  HTTP_DEFAULTS,
  type ReadinessCheck,
  resolveHttpOptions,
} from './http-options.js';
export { createHttpServer, type HttpServerOptions, hangarHttpPlugin } from './http-server.js';
export { buildOpenApiDocument, type OpenApiDocument, type OpenApiSettings } from './openapi.js';
export { ScheduleNameTakenError } from './schedule-name-taken-error.js';
export type {
  CancelResponse,
  DeleteResponse,
  EnqueueResponse,
  ErrorView,
  JobPageView,
  JobTypeView,
  JobView,
  LogEntryView,
  MessageView,
  OutputFileView,
  ReadinessView,
  RetryResponse,
  ScheduleDeleteResponse,
  ScheduleSaveResponse,
  ScheduleTriggerResponse,
  ScheduleView,
} from './view-schemas.js';

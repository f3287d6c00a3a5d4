export * from '../dashboard/index.js';
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
export { type HangarHttpOptions, HTTP_DEFAULTS, resolveHttpOptions } from './http-options.js';
export { createHttpServer, type HttpServerOptions, hangarHttpPlugin } from './http-server.js';
export { buildOpenApiDocument, type OpenApiDocument, type OpenApiSettings } from './openapi.js';
export type {
  CancelResponse,
  EnqueueResponse,
  ErrorView,
  JobPageView,
  JobTypeView,
  JobView,
  LogEntryView,
  MessageView,
  OutputFileView,
  ScheduleView,
} from './view-schemas.js';

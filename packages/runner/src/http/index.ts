export { createHttpServer, hangarHttpPlugin, type HttpServerOptions } from './http-server.js';
export { type HangarHttpOptions, HTTP_DEFAULTS, resolveHttpOptions } from './http-options.js';
export {
  type ApiRole,
  type ApiToken,
  type AuthOptions,
  type Caller,
  API_ROLES,
  MIN_TOKEN_LENGTH,
} from './auth.js';
export {
  UnauthorizedError,
  ForbiddenError,
  RequestInvalidError,
  FileNotFoundError,
  RouteNotFoundError,
  HTTP_STATUS_BY_CODE,
  type ErrorBody,
} from './http-errors.js';
export { httpMessages } from './http-messages.js';
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

import { STATUS_CODES } from 'node:http';
import { type FieldIssue, HangarError, type Translator } from '@hangar/core';

/** The request carries no valid bearer token. */
export class UnauthorizedError extends HangarError {
  constructor() {
    super('UNAUTHORIZED', 'hangar.error.unauthorized', 'Authentication required: send a valid bearer token', {
      retryable: false,
    });
  }
}

/** The translation keys a 403 may carry. */
export type ForbiddenKey =
  | 'hangar.http.roleRequired'
  | 'hangar.http.customerForbidden'
  | 'hangar.http.systemJobForbidden';

/** The token is valid but its roles do not allow the action. */
export class ForbiddenError extends HangarError {
  constructor(key: ForbiddenKey, params: Record<string, string>) {
    super('FORBIDDEN', key, `Forbidden: ${Object.values(params).join(', ')}`, { params, retryable: false });
  }
}

/** The body, path or query of the request is malformed; `issues` name every field to fix. */
export class RequestInvalidError extends HangarError {
  /** Every field-level problem found. */
  readonly issues: readonly FieldIssue[];
  /** HTTP status to answer with (400, or 408/413/414/415/431 for fastify's and Node's own refusals). */
  readonly statusCode: number;

  constructor(issues: readonly FieldIssue[], statusCode = 400) {
    const summary = issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ');
    super('REQUEST_INVALID', 'hangar.http.requestInvalid', `The request is invalid: ${summary}`, {
      params: { issues: summary },
      retryable: false,
    });
    this.issues = issues;
    this.statusCode = statusCode;
  }
}

/** The job exists but has no such output file, or the file is outside the file store. */
export class FileNotFoundError extends HangarError {
  constructor(jobId: string, name: string) {
    super('FILE_NOT_FOUND', 'hangar.http.fileNotFound', `Job ${jobId} has no output file named "${name}"`, {
      params: { jobId, name },
      retryable: false,
    });
  }
}

/** The server was started without a `filesRoot`, so it serves no files. */
export class FilesNotServedError extends HangarError {
  constructor() {
    super('FILE_NOT_FOUND', 'hangar.http.filesNotServed', 'This server does not serve output files', {
      retryable: false,
    });
  }
}

/** No route matches the method and URL. */
export class RouteNotFoundError extends HangarError {
  constructor(method: string, url: string) {
    super('ROUTE_NOT_FOUND', 'hangar.http.routeNotFound', `No route ${method} ${url}`, {
      params: { method, url },
      retryable: false,
    });
  }
}

/** HTTP status of every error code the API answers with; unknown codes are 500. */
export const HTTP_STATUS_BY_CODE: Readonly<Record<string, number>> = {
  UNAUTHORIZED: 401,
  JOB_STATE_CONFLICT: 409,
  SCHEDULE_NOT_FOUND: 404,
  SCHEDULE_NAME_TAKEN: 409,
  TRIGGER_NOT_FOUND: 404,
  TRIGGER_NAME_TAKEN: 409,
  TRIGGERS_UNSUPPORTED: 501,
  FORBIDDEN: 403,
  PARAMS_INVALID: 400,
  JOB_TYPE_UNKNOWN: 400,
  REQUEST_INVALID: 400,
  CONFIG_INVALID: 400,
  JOB_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

/** The JSON body of every error response. */
export interface ErrorBody {
  /** The error. */
  error: {
    /** Stable machine-readable code, e.g. `JOB_NOT_FOUND`. */
    code: string;
    /** Message in the caller's language. */
    message: string;
    /** Translation key of the message. */
    key: string;
    /** Parameters of the key. */
    params: Record<string, string | number | boolean | null>;
    /** Field-level problems, for `PARAMS_INVALID` and `REQUEST_INVALID`. */
    issues?: FieldIssue[];
    /** Id of the request, also sent as the `x-request-id` header; the server log names it too. */
    requestId: string;
  };
}

/** A status code and body ready to send for any thrown value. */
export interface ErrorResponse {
  /** HTTP status. */
  status: number;
  /** JSON body. */
  body: ErrorBody;
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
}

/**
 * Fastify's own refusals, worded by the API: fastify's messages may echo the URL or internals,
 * and a caller needs to know which part of its request to fix.
 */
const FRAMEWORK_ISSUES: Readonly<Record<string, { path: string; message: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { path: '', message: 'the body is larger than this server accepts' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { path: '', message: 'send the body as application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { path: '', message: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    path: '',
    message: 'the body is empty; send a JSON object or no Content-Type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { path: '', message: 'the Content-Length does not match the body' },
  FST_ERR_BAD_URL: { path: 'path', message: 'the path is not a valid URL (bad percent-encoding)' },
  FST_ERR_MAX_PARAM_LENGTH: { path: 'path', message: 'a path segment is longer than this server accepts' },
  HPE_HEADER_OVERFLOW: {
    path: 'headers',
    message: 'the headers and URL are larger than this server accepts',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { path: '', message: 'the request was not received in time' },
};

/** Longest request path echoed back in a `ROUTE_NOT_FOUND` message. */
const MAX_ECHOED_PATH = 200;

/** The path of a request as echoed in messages: without its query, and cut to a readable length. */
export function echoedPath(url: string): string {
  const path = url.split('?')[0] ?? url;
  return path.length > MAX_ECHOED_PATH ? `${path.slice(0, MAX_ECHOED_PATH)}…` : path;
}

/**
 * Maps any error to the API's error body. Hangar errors keep their code (an option error that
 * reaches the API is the caller's input: `REQUEST_INVALID` naming it); fastify's own 4xx errors
 * (bad JSON, wrong media type, body, URL or headers too large) become `REQUEST_INVALID` with
 * their status; anything else is a 500 whose details stay in the server log, so internals never
 * leak to callers.
 */
export function toErrorResponse(
  error: unknown,
  translator: Translator,
  lang: string,
  requestId: string,
): ErrorResponse {
  if (HangarError.isInstance(error)) {
    if (error.code === 'CONFIG_INVALID') {
      const option = String(error.params.option ?? '');
      const problem = String(error.params.problem ?? error.message);
      const invalid = new RequestInvalidError([{ path: option, message: problem, code: 'invalid_value' }]);
      return toErrorResponse(invalid, translator, lang, requestId);
    }
    const status =
      error instanceof RequestInvalidError ? error.statusCode : (HTTP_STATUS_BY_CODE[error.code] ?? 500);
    if (status >= 500) return internal(translator, lang, requestId);
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: translator.render(error.toTranslatable(), lang),
        key: error.key,
        params: { ...error.params },
        requestId,
      },
    };
    const issues = (error as { issues?: readonly FieldIssue[] }).issues;
    if (Array.isArray(issues)) body.error.issues = issues.map((i) => ({ ...i }));
    return { status, body };
  }
  const fe = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  const statusCode = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (statusCode === 503) {
    const key = 'hangar.http.unavailable';
    return {
      status: 503,
      body: {
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: translator.render({ key }, lang),
          key,
          params: {},
          requestId,
        },
      },
    };
  }
  if (statusCode >= 400 && statusCode < 500) {
    const code = typeof fe.code === 'string' ? fe.code : 'bad_request';
    const known = FRAMEWORK_ISSUES[code];
    const issue = known ?? { path: '', message: (STATUS_CODES[statusCode] ?? 'Bad request').toLowerCase() };
    const invalid = new RequestInvalidError([{ ...issue, code }], statusCode);
    return toErrorResponse(invalid, translator, lang, requestId);
  }
  return internal(translator, lang, requestId);
}

function internal(translator: Translator, lang: string, requestId: string): ErrorResponse {
  const key = 'hangar.http.internal';
  const params = { requestId };
  return {
    status: 500,
    body: {
      error: {
        code: 'INTERNAL_ERROR',
        message: translator.render({ key, params }, lang),
        key,
        params,
        requestId,
      },
    },
  };
}

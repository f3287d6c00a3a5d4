import { type FieldIssue, HangarError, type Translator } from '@hangar/core';

/** The request carries no valid bearer token. */
export class UnauthorizedError extends HangarError {
  constructor() {
    super('UNAUTHORIZED', 'hangar.error.unauthorized', 'Authentication required: send a valid bearer token', {
      retryable: false,
    });
  }
}

/** The token is valid but its roles do not allow the action. */
/** The translation keys a 403 may carry. */
export type ForbiddenKey =
  | 'hangar.http.roleRequired'
  | 'hangar.http.customerForbidden'
  | 'hangar.http.systemJobForbidden';

export class ForbiddenError extends HangarError {
  constructor(key: ForbiddenKey, params: Record<string, string>) {
    super('FORBIDDEN', key, `Forbidden: ${Object.values(params).join(', ')}`, { params, retryable: false });
  }
}

/** The body, path or query of the request is malformed; `issues` name every field to fix. */
export class RequestInvalidError extends HangarError {
  /** Every field-level problem found. */
  readonly issues: readonly FieldIssue[];
  /** HTTP status to answer with (400, or 413/415 for body size and media type). */
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
  message?: unknown;
  validation?: unknown;
}

/**
 * Maps any error to the API's error body. Hangar errors keep their code; fastify's own 4xx
 * errors (bad JSON, wrong media type, body too large) become `REQUEST_INVALID`; anything else
 * is a 500 whose details stay in the server log, so internals never leak to callers.
 */
export function toErrorResponse(
  error: unknown,
  translator: Translator,
  lang: string,
  requestId: string,
): ErrorResponse {
  if (HangarError.isInstance(error)) {
    const status =
      error instanceof RequestInvalidError ? error.statusCode : (HTTP_STATUS_BY_CODE[error.code] ?? 500);
    if (status >= 500) return internal(translator, lang, requestId);
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: translator.render(error.toTranslatable(), lang),
        key: error.key,
        params: { ...error.params },
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
        error: { code: 'SERVICE_UNAVAILABLE', message: translator.render({ key }, lang), key, params: {} },
      },
    };
  }
  if (statusCode >= 400 && statusCode < 500) {
    const message = typeof fe.message === 'string' ? fe.message : 'bad request';
    return toErrorResponse(
      new RequestInvalidError([{ path: '', message, code: String(fe.code ?? 'bad_request') }], statusCode),
      translator,
      lang,
      requestId,
    );
  }
  return internal(translator, lang, requestId);
}

function internal(translator: Translator, lang: string, requestId: string): ErrorResponse {
  const key = 'hangar.http.internal';
  const params = { requestId };
  return {
    status: 500,
    body: {
      error: { code: 'INTERNAL_ERROR', message: translator.render({ key, params }, lang), key, params },
    },
  };
}

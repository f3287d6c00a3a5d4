/** Whether a failed send may succeed later (4xx reply, connection trouble) or never will (5xx). */
export type SmtpFailureKind = 'transient' | 'permanent';

/** A failed send, classified. */
export interface SmtpFailure {
  kind: SmtpFailureKind;
  /** The server's reply, or the connection error. */
  response: string;
  /** SMTP reply code, when the server answered. */
  responseCode: number | undefined;
}

// nodemailer's codes for a connection that could not be opened, was dropped or went silent.
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

/** Classifies an error of nodemailer's `sendMail`. */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    responseCode?: unknown;
    response?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const response =
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  if (responseCode !== undefined) {
    return {
      kind: responseCode >= 400 && responseCode < 500 ? 'transient' : 'permanent',
      response,
      responseCode,
    };
  }
  const code = typeof e.code === 'string' ? e.code : '';
  return { kind: CONNECTION_CODES.has(code) ? 'transient' : 'permanent', response, responseCode };
}

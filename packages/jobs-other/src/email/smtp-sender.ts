import { JobCancelledError, retryDelayMs } from '@hangar/core';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpOptions } from '../plugin/other-jobs-options.js';
import { cancellableDelay } from '../retry/cancellable-delay.js';
import { classifySmtpError, type SmtpFailure } from './smtp-failure.js';

/** A message for one recipient. */
export interface OutgoingMessage {
  to: { address: string; name?: string | undefined };
  subject: string;
  text: string;
  html: string;
  attachments: readonly { filename: string; contentType: string; content: Buffer }[];
}

/** How sending to one recipient ended. */
export type SendOutcome =
  | { status: 'sent'; attempts: number; messageId: string; response: string }
  | { status: 'refused' | 'failed'; attempts: number; response: string; responseCode: number | undefined };

/** Tries of one recipient and the first delay between them. */
export interface SendRetry {
  attempts: number;
  delayMs: number;
}

/**
 * Sends through one pooled SMTP connection (reused for every recipient of a job). Cancellation
 * closes the pool, which ends a send in flight; the send then reports the job as cancelled.
 */
export class SmtpSender {
  private readonly transport: Transporter;
  private readonly onAbort = () => this.transport.close();

  constructor(
    private readonly options: SmtpOptions,
    private readonly signal: AbortSignal,
    private readonly jobId: string,
  ) {
    const pool = {
      pool: true as const,
      maxConnections: 1,
      // The pool would resend a message whose connection dropped, unseen; this class retries instead.
      maxRequeues: 0,
      host: options.host,
      port: options.port,
      secure: options.secure,
      ...(options.user === undefined ? {} : { auth: { user: options.user, pass: options.password ?? '' } }),
      connectionTimeout: options.connectionTimeoutMs,
      greetingTimeout: options.connectionTimeoutMs,
      socketTimeout: options.socketTimeoutMs,
      // Loopback and internal relays often have no certificate for their name.
      tls: { rejectUnauthorized: false },
    };
    this.transport = nodemailer.createTransport(pool);
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Sends one message, retrying transient failures (4xx, connection) and never permanent ones (5xx). */
  async send(message: OutgoingMessage, retry: SendRetry): Promise<SendOutcome> {
    let failure: SmtpFailure | undefined;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      this.checkCancelled();
      try {
        // nodemailer 10 ends the delivery of a message when its `signal` fires.
        const mail: Parameters<Transporter['sendMail']>[0] & { signal: AbortSignal } = {
          signal: this.signal,
          from: this.options.from,
          to:
            message.to.name === undefined
              ? message.to.address
              : { name: message.to.name, address: message.to.address },
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments.map((a) => ({ ...a })),
        };
        const info = await this.transport.sendMail(mail);
        return {
          status: 'sent',
          attempts: attempt,
          messageId: info.messageId,
          response: String(info.response),
        };
      } catch (error) {
        this.checkCancelled();
        failure = classifySmtpError(error);
        if (failure.kind === 'permanent') {
          return {
            status: 'refused',
            attempts: attempt,
            response: failure.response,
            responseCode: failure.responseCode,
          };
        }
        if (attempt < retry.attempts) await this.pause(retry.delayMs, attempt);
      }
    }
    return {
      status: 'failed',
      attempts: retry.attempts,
      response: failure?.response ?? '',
      responseCode: failure?.responseCode,
    };
  }

  /** Closes the connection. */
  close(): void {
    this.signal.removeEventListener('abort', this.onAbort);
    this.transport.close();
  }

  private checkCancelled(): void {
    if (this.signal.aborted) throw new JobCancelledError(this.jobId);
  }

  private pause(delayMs: number, attempt: number): Promise<void> {
    const policy = { maxAttempts: attempt + 1, backoffMs: delayMs, maxBackoffMs: 60_000, jitter: 0.5 };
    return cancellableDelay(retryDelayMs(policy, attempt), this.signal);
  }
}

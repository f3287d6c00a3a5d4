import type { MessageCatalogs } from '@hangar/core';
import { ConfigurationError, createServiceToken } from '@hangar/core';
import type { FileStore } from '@hangar/jobs-importexport';
import { type DiStudioOptions, resolveDiStudioOptions } from './di-studio-options.js';
import { resolveWebServiceOptions, type WebServiceOptions } from './web-service-options.js';

/** How to reach the SMTP server the e-mail job sends through. */
export interface SmtpOptions {
  /** Host name or address. @defaultValue '127.0.0.1' */
  host: string;
  /** Port. @defaultValue 587 */
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. @defaultValue false */
  secure: boolean;
  /** Login, when the server needs one. @defaultValue undefined */
  user: string | undefined;
  /** Password of `user`. @defaultValue undefined */
  password: string | undefined;
  /** Sender address of every message. @defaultValue 'hangar@localhost' */
  from: string;
  /** Longest wait for the connection to open, in ms. @defaultValue 10_000 */
  connectionTimeoutMs: number;
  /** Longest silence of the server during a send, in ms. @defaultValue 30_000 */
  socketTimeoutMs: number;
}

/** An e-mail template: translation keys of its subject and bodies, rendered in the recipient's language. */
export interface EmailTemplate {
  /** Key of the subject line. */
  subject: string;
  /** Key of the plain-text body. */
  text: string;
  /** Key of the HTML body (parameters are HTML-escaped); the text body in paragraphs when absent. */
  html?: string | undefined;
}

/** Options of the other-jobs plugin; every field is optional, defaults in {@link OTHER_JOBS_DEFAULTS}. */
export interface OtherJobsOptions {
  /** File store of reports and attachments; a local store in `filesDir` when absent. @defaultValue undefined */
  fileStore?: FileStore | undefined;
  /** Directory of the default local file store. @defaultValue `HANGAR_FILES_DIR`, else `<tmp>/hangar-files` */
  filesDir?: string | undefined;
  /** Largest bundle imbalance the balance check lets pass, in currency units. @defaultValue 0 */
  balanceTolerance?: number;
  /** SMTP transport of the e-mail job. */
  smtp?: Partial<SmtpOptions>;
  /** Templates by name, on top of the built-in `report-ready` and `job-finished`. @defaultValue {} */
  emailTemplates?: Readonly<Record<string, EmailTemplate>>;
  /** Extra message catalogs (the templates' texts), registered with the plugin's own. @defaultValue {} */
  messages?: MessageCatalogs;
  /** Language of a recipient that names none. @defaultValue 'en' */
  defaultLanguage?: string;
  /** Tries per recipient within one attempt on a transient SMTP error (4xx, connection). @defaultValue 3 */
  sendAttempts?: number;
  /** First delay between those tries, doubled each time, with jitter, in ms. @defaultValue 500 */
  sendRetryDelayMs?: number;
  /** Largest total size of a message's attachments, in bytes. @defaultValue 10 MiB */
  maxAttachmentBytes?: number;
  /** Most recipients of one e-mail job. @defaultValue 100 */
  maxRecipients?: number;
  /** The web-service job: allowed endpoints, secrets, timeouts and retries (defaults in `WEB_SERVICE_DEFAULTS`). */
  webService?: Partial<WebServiceOptions>;
  /** The DI Studio job: SQL connections and the dry run's preview (defaults in `DI_STUDIO_DEFAULTS`). */
  diStudio?: Partial<DiStudioOptions>;
}

/** The built-in templates. */
export const BUILT_IN_TEMPLATES: Readonly<Record<string, EmailTemplate>> = {
  'report-ready': {
    subject: 'other.email.reportReady.subject',
    text: 'other.email.reportReady.text',
    html: 'other.email.reportReady.html',
  },
  'job-finished': { subject: 'other.email.jobFinished.subject', text: 'other.email.jobFinished.text' },
};

/** Defaults of every option. */
export const OTHER_JOBS_DEFAULTS = {
  balanceTolerance: 0,
  smtp: {
    host: '127.0.0.1',
    port: 587,
    secure: false,
    user: undefined,
    password: undefined,
    from: 'hangar@localhost',
    connectionTimeoutMs: 10_000,
    socketTimeoutMs: 30_000,
  } satisfies SmtpOptions as SmtpOptions,
  emailTemplates: {} as Readonly<Record<string, EmailTemplate>>,
  messages: {} as MessageCatalogs,
  defaultLanguage: 'en',
  sendAttempts: 3,
  sendRetryDelayMs: 500,
  maxAttachmentBytes: 10 * 1024 * 1024,
  maxRecipients: 100,
} as const;

/** The options the jobs read: every default applied, the templates merged with the built-in ones. */
export interface OtherJobsConfig {
  readonly balanceTolerance: number;
  readonly smtp: SmtpOptions;
  readonly emailTemplates: Readonly<Record<string, EmailTemplate>>;
  readonly defaultLanguage: string;
  readonly sendAttempts: number;
  readonly sendRetryDelayMs: number;
  readonly maxAttachmentBytes: number;
  readonly maxRecipients: number;
  readonly webService: WebServiceOptions;
  readonly diStudio: DiStudioOptions;
}

/** Service token of the resolved {@link OtherJobsConfig} the plugin registers. */
export const otherJobsConfigToken = createServiceToken<OtherJobsConfig>('hangar.other.config');

/**
 * Applies the defaults and checks every option; a wrong one is `ConfigurationError` naming it.
 * `hasKey` tells whether a template's key exists in English.
 */
export function resolveOtherJobsOptions(
  options: OtherJobsOptions,
  hasKey: (key: string) => boolean,
): OtherJobsConfig {
  const d = OTHER_JOBS_DEFAULTS;
  const smtp: SmtpOptions = { ...d.smtp, ...stripUndefined(options.smtp ?? {}) };
  const config: OtherJobsConfig = {
    balanceTolerance: options.balanceTolerance ?? d.balanceTolerance,
    smtp,
    emailTemplates: { ...BUILT_IN_TEMPLATES, ...(options.emailTemplates ?? d.emailTemplates) },
    defaultLanguage: options.defaultLanguage ?? d.defaultLanguage,
    sendAttempts: options.sendAttempts ?? d.sendAttempts,
    sendRetryDelayMs: options.sendRetryDelayMs ?? d.sendRetryDelayMs,
    maxAttachmentBytes: options.maxAttachmentBytes ?? d.maxAttachmentBytes,
    maxRecipients: options.maxRecipients ?? d.maxRecipients,
    webService: resolveWebServiceOptions(options.webService),
    diStudio: resolveDiStudioOptions(options.diStudio),
  };
  number('balanceTolerance', config.balanceTolerance, 0, Number.MAX_SAFE_INTEGER, false);
  integer('smtp.port', smtp.port, 1, 65_535);
  integer('smtp.connectionTimeoutMs', smtp.connectionTimeoutMs, 1, 600_000);
  integer('smtp.socketTimeoutMs', smtp.socketTimeoutMs, 1, 3_600_000);
  text('smtp.host', smtp.host);
  text('smtp.from', smtp.from);
  if (typeof smtp.secure !== 'boolean') throw new ConfigurationError('smtp.secure', 'must be true or false');
  if ((smtp.user === undefined) !== (smtp.password === undefined)) {
    throw new ConfigurationError('smtp.password', 'give both smtp.user and smtp.password, or neither');
  }
  text('defaultLanguage', config.defaultLanguage);
  integer('sendAttempts', config.sendAttempts, 1, 10);
  integer('sendRetryDelayMs', config.sendRetryDelayMs, 0, 600_000);
  integer('maxAttachmentBytes', config.maxAttachmentBytes, 0, 1024 * 1024 * 1024);
  integer('maxRecipients', config.maxRecipients, 1, 10_000);
  for (const [name, template] of Object.entries(config.emailTemplates)) {
    for (const part of ['subject', 'text', 'html'] as const) {
      const key = template[part];
      if (key === undefined && part === 'html') continue;
      if (typeof key !== 'string' || !hasKey(key)) {
        throw new ConfigurationError(
          `emailTemplates.${name}.${part}`,
          `"${String(key)}" has no English message: add it to the messages option`,
        );
      }
    }
  }
  return config;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function number(option: string, value: unknown, min: number, max: number, whole: boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ConfigurationError(option, `must be a number between ${min} and ${max}, got ${String(value)}`);
  }
  if (whole && !Number.isInteger(value)) {
    throw new ConfigurationError(option, `must be a whole number, got ${String(value)}`);
  }
}

function integer(option: string, value: unknown, min: number, max: number): void {
  number(option, value, min, max, true);
}

function text(option: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigurationError(option, 'must be a non-empty string');
  }
}

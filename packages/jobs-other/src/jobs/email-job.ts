import { defineJob, t } from '@hangar/core';
import { z } from 'zod';
import { findAttachments, readAttachments } from '../email/attachments.js';
import { renderEmail } from '../email/render-email.js';
import { type SendOutcome, SmtpSender } from '../email/smtp-sender.js';
import { EmailRejectedError } from '../errors/email-rejected-error.js';
import { EmailTransientError } from '../errors/email-transient-error.js';
import { JobParamError } from '../errors/job-param-error.js';
import { customerParam, languageParam } from '../params/common-params.js';
import { jobCustomer } from '../params/job-customer.js';
import { configOf, translatorOf } from '../services/other-services.js';

/** Type name of {@link emailJob}. */
export const EMAIL_JOB_TYPE = 'other.email';

/** Parameters of {@link emailJob}. */
export const emailParams = z
  .object({
    /** Customer code: the job's tenant when absent; a system job names the customer whose files it attaches. */
    customer: customerParam,
    /** Name of a template of the settings (`report-ready`, `job-finished` or one of `emailTemplates`). */
    template: z.string().min(1),
    /** Parameters of the template's messages. */
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
    /** Recipients; each gets the message in their own language. */
    to: z
      .array(
        z
          .object({
            address: z.email(),
            name: z.string().min(1).max(200).optional(),
            language: languageParam,
          })
          .strict(),
      )
      .min(1),
    /** Output files of other jobs of the same customer, by job id and file name. */
    attachments: z.array(z.object({ job: z.string().min(1), file: z.string().min(1) }).strict()).default([]),
  })
  .strict();

/** How the message went for one recipient. */
export type RecipientOutcome = { address: string; language: string } & SendOutcome;

/** What {@link emailJob} returns. */
export interface EmailResult {
  sent: number;
  refused: number;
  failed: number;
  recipients: RecipientOutcome[];
}

/**
 * Sends a templated e-mail through SMTP: subject and bodies are translation keys rendered in each
 * recipient's language (HTML and text), with other jobs' output files of the same customer as
 * attachments. Every parameter is checked and every attachment found before anything is sent.
 * A transient failure (4xx, connection) is retried per recipient, then by the job's retry policy
 * when nobody got the message; a permanent one (5xx) is never retried. The outcome of every
 * recipient is in the result.
 */
export const emailJob = defineJob<z.output<typeof emailParams>, EmailResult, z.input<typeof emailParams>>({
  type: EMAIL_JOB_TYPE,
  description: t('other.job.email'),
  params: emailParams,
  retry: { maxAttempts: 3, backoffMs: 5_000 },
  create: (services) => ({
    async execute(params, ctx) {
      const config = configOf(services);
      const tenant = ctx.customerId;
      const customer = jobCustomer(ctx, params.customer);
      const template = config.emailTemplates[params.template];
      if (template === undefined) {
        const known = Object.keys(config.emailTemplates).join(', ');
        throw new JobParamError('template', `unknown template "${params.template}" (known: ${known})`);
      }
      if (params.to.length > config.maxRecipients) {
        throw new JobParamError(
          'to',
          `${params.to.length} recipients, more than the ${config.maxRecipients} allowed`,
        );
      }
      const found = await findAttachments(
        services,
        params.attachments,
        { tenant, customer },
        config.maxAttachmentBytes,
      );
      const attachments = await readAttachments(services, found, ctx.signal);
      const translator = translatorOf(services);
      const sender = new SmtpSender(config.smtp, ctx.signal, ctx.jobId);
      const recipients: RecipientOutcome[] = [];
      try {
        for (const [i, to] of params.to.entries()) {
          const language = to.language ?? config.defaultLanguage;
          const rendered = renderEmail(translator, template, params.params, language);
          const outcome = await sender.send(
            { to: { address: to.address, name: to.name }, ...rendered, attachments },
            { attempts: config.sendAttempts, delayMs: config.sendRetryDelayMs },
          );
          recipients.push({ address: to.address, language, ...outcome });
          if (outcome.status !== 'sent') {
            ctx.warn(
              t(`other.warning.recipient.${outcome.status}`, {
                address: to.address,
                response: outcome.response,
              }),
            );
          }
          ctx.progress(t('other.progress.emailSent', { done: i + 1, total: params.to.length }), {
            current: i + 1,
            total: params.to.length,
          });
        }
      } finally {
        sender.close();
      }
      const count = (status: SendOutcome['status']) => recipients.filter((r) => r.status === status).length;
      const result = { sent: count('sent'), refused: count('refused'), failed: count('failed'), recipients };
      if (result.sent === 0 && result.failed > 0) {
        // Nobody got it, so trying again later cannot send it twice.
        throw new EmailTransientError(recipients.find((r) => r.status === 'failed')?.response ?? '');
      }
      if (result.sent === 0) throw new EmailRejectedError(result.refused, recipients[0]?.response ?? '');
      return result;
    },
  }),
});

import { z } from 'zod';
import { OtherJobsPlugin } from '../plugin/other-jobs-plugin.js';

const templateSettings = z
  .object({ subject: z.string().min(1), text: z.string().min(1), html: z.string().min(1).optional() })
  .strict();

/**
 * The plugin's settings as a configuration file holds them (`hangar serve`): the serialisable
 * subset of the options (no file store object: a `filesDir` instead). Parse them, then build the
 * plugin with {@link createOtherJobsPluginFromSettings}; the plugin checks the values again.
 */
export const otherJobsSettings = z
  .object({
    filesDir: z.string().min(1).optional(),
    balanceTolerance: z.number().min(0).optional(),
    smtp: z
      .object({
        host: z.string().min(1).optional(),
        port: z.number().int().min(1).max(65_535).optional(),
        secure: z.boolean().optional(),
        user: z.string().min(1).optional(),
        password: z.string().min(1).optional(),
        from: z.string().min(3).optional(),
        connectionTimeoutMs: z.number().int().positive().optional(),
        socketTimeoutMs: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    emailTemplates: z.record(z.string().min(1), templateSettings).optional(),
    messages: z.record(z.string().min(2), z.record(z.string().min(1), z.string())).optional(),
    defaultLanguage: z.string().min(2).optional(),
    sendAttempts: z.number().int().min(1).max(10).optional(),
    sendRetryDelayMs: z.number().int().min(0).optional(),
    maxAttachmentBytes: z.number().int().min(0).optional(),
    maxRecipients: z.number().int().min(1).optional(),
    webService: z
      .object({
        allowList: z
          .array(
            z
              .object({
                url: z.url(),
                headers: z.record(z.string().min(1), z.string().min(1)).optional(),
                customers: z.array(z.string().min(1)).optional(),
              })
              .strict(),
          )
          .optional(),
        secrets: z.record(z.string().min(1), z.string()).optional(),
        timeoutMs: z.number().int().positive().optional(),
        attempts: z.number().int().min(1).max(10).optional(),
        retryDelayMs: z.number().int().min(0).optional(),
        maxRetryAfterMs: z.number().int().min(0).optional(),
        maxResultBytes: z.number().int().min(0).optional(),
        maxResponseBytes: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    diStudio: z
      .object({
        connections: z
          .record(
            z.string().min(1),
            z.object({ url: z.string().min(1), customers: z.array(z.string().min(1)).optional() }).strict(),
          )
          .optional(),
        previewRows: z.number().int().min(0).max(1000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Parsed settings of the plugin. */
export type OtherJobsSettings = z.output<typeof otherJobsSettings>;

/** Builds the plugin from parsed settings. */
export function createOtherJobsPluginFromSettings(settings: OtherJobsSettings): OtherJobsPlugin {
  return new OtherJobsPlugin(settings);
}

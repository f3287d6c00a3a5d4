import { ConfigurationError } from '@hangar/core';
import { z } from 'zod';
import type { UtilsPluginOptions } from './utils-options.js';

/**
 * The pack's options as a config-file section (zod), so a host such as `hangar serve` can read
 * them; every field is optional and defaults as in `UTILS_DEFAULTS`.
 */
export const utilsSettings = z
  .object({
    commandLine: z
      .object({
        executables: z.record(z.string().min(1), z.string().min(1)),
        roots: z.array(z.string().min(1)),
        inheritEnv: z.array(z.string().min(1)),
        paramEnv: z.array(z.string().min(1)),
        timeoutMs: z.number().int().positive(),
        maxTimeoutMs: z.number().int().positive(),
        killGraceMs: z.number().int().positive(),
        tailLines: z.number().int().positive(),
        allowedCustomers: z.array(z.string().min(1)),
      })
      .partial()
      .strict(),
    sql: z
      .object({
        connections: z.record(z.string().min(1), z.string().min(1)),
        allowedCustomers: z.array(z.string().min(1)),
      })
      .partial()
      .strict(),
    cleanup: z
      .object({
        succeededJobDays: z.number().nonnegative(),
        cancelledJobDays: z.number().nonnegative(),
        failedJobDays: z.number().nonnegative(),
        fileDays: z.number().nonnegative(),
        modificationLogDays: z.number().nonnegative(),
        directories: z.array(z.string().min(1)),
        batchSize: z.number().int().positive(),
        pauseRatio: z.number().min(0).max(10),
        allowedCustomers: z.array(z.string().min(1)),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** The settings section as read from a config file. */
export type UtilsSettings = z.output<typeof utilsSettings>;

/** Parses a settings section; `ConfigurationError` names the first bad field (`commandLine.roots.0`). */
export function parseUtilsSettings(input: unknown): UtilsPluginOptions {
  const parsed = utilsSettings.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  throw new ConfigurationError(path || 'settings', issue?.message ?? 'invalid settings');
}

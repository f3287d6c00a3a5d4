import { z } from 'zod';

/**
 * Customer code. A customer's job works on its tenant only, so it may omit this or repeat its
 * tenant (anything else is `TENANT_MISMATCH`); a system job (no tenant) names its customer here.
 */
export const customerParam = z.string().min(1).optional();

/** A row named by code or by id. */
export const refParam = z.union([z.string().min(1), z.number().int().positive()]);

/** Language of what a job renders (a report, a message), e.g. `fr`; the configured default when absent. */
export const languageParam = z
  .string()
  .regex(/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'a language tag such as en or fr-CA')
  .optional();

/** A plain output file name. */
export const fileNameParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\]+$/, 'a file name without a folder')
  .optional();

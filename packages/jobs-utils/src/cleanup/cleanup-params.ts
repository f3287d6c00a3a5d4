import { z } from 'zod';
import { CLEANUP_KINDS } from './cleanup-kinds.js';

const days = z.number().nonnegative().optional();

/** Parameters of `utils.cleanup`; ages left out come from the plugin's `cleanup` settings. */
export const cleanupParams = z.object({
  /** What to clean; all kinds when absent. A customer's job may clean only `modificationLog`. */
  kinds: z.array(z.enum(CLEANUP_KINDS)).min(1).optional(),
  /** Count what would be deleted, delete nothing. */
  dryRun: z.boolean().default(false),
  /** Only this customer's modification log, by code or id (a system job may name any; a customer's job only its own). */
  customer: z.union([z.string().min(1), z.number().int().positive()]).optional(),
  succeededJobDays: days,
  cancelledJobDays: days,
  failedJobDays: days,
  fileDays: days,
  modificationLogDays: days,
});
export type CleanupParams = z.output<typeof cleanupParams>;

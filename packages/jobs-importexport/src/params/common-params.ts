import { z } from 'zod';
import { csvOptionsSchema } from '../read/csv-options.js';

/**
 * Customer code. A customer's job works on its tenant only, so it may omit this or repeat its
 * tenant (anything else is `TENANT_MISMATCH`); a system job (no tenant) must name the customer.
 */
export const customerParam = z.string().min(1).optional();

/** Parameters every import shares: where the file is, how it is laid out, how it is written. */
export const importFileParams = {
  /** Customer code: the job's tenant when absent. */
  customer: customerParam,
  /** Location of the file in the file store. */
  file: z.string().min(1),
  /** `csv` or `xlsx`; from the file extension when absent. */
  format: z.enum(['csv', 'xlsx']).optional(),
  /** CSV layout. */
  csv: csvOptionsSchema.prefault({}),
  /** `replace` the scope, or `merge` (upsert) into it. */
  mode: z.enum(['replace', 'merge']).default('replace'),
  /** Errors collected before the import stops reading and fails. */
  maxErrors: z.number().int().min(1).max(100_000).default(100),
};

/** Parameters every table export shares. */
export const exportFileParams = {
  /** Customer code: the job's tenant when absent. */
  customer: customerParam,
  /** `csv` or `xlsx`. */
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** CSV layout. */
  csv: csvOptionsSchema.prefault({}),
  /** File name; a default naming the scope when absent. */
  fileName: z.string().min(1).optional(),
};

/** Amounts and rates in a file are written with the CSV's decimal separator; XLSX numbers are plain. */
export function numberFormatOf(csv: { decimalComma: boolean; thousandsSeparator?: string | undefined }) {
  return {
    decimalSeparator: csv.decimalComma ? (',' as const) : ('.' as const),
    thousandsSeparator: csv.thousandsSeparator,
  };
}

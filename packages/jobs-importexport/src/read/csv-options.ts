import { z } from 'zod';

/** Text encodings an import file may use. */
export const CSV_ENCODINGS = ['utf-8', 'latin1'] as const;

/** How a CSV file is laid out; every field has a default, so `{}` reads a plain comma-separated UTF-8 file. */
export const csvOptionsSchema = z
  .object({
    /** Field separator. */
    delimiter: z.string().min(1).max(4).default(','),
    /** Quote character. */
    quote: z.string().length(1).default('"'),
    /** `utf-8` (a byte-order mark is skipped when present) or `latin1` (ISO-8859-1). */
    encoding: z.enum(CSV_ENCODINGS).default('utf-8'),
    /** Amounts use a decimal comma (`1234,56`); exports write them the same way. */
    decimalComma: z.boolean().default(false),
    /** Thousands separator accepted in amounts on import (e.g. `.` or ` `), in groups of exactly three digits; none by default. */
    thousandsSeparator: z.string().max(1).optional(),
    /** Exports only: start the file with a UTF-8 byte-order mark (for Excel). */
    bom: z.boolean().default(false),
  })
  .strict();

/** CSV layout options, with defaults applied. */
export type CsvOptions = z.output<typeof csvOptionsSchema>;

/** The default CSV layout. */
export const DEFAULT_CSV_OPTIONS: CsvOptions = csvOptionsSchema.parse({});

import { z } from 'zod';
import { refParam } from '../params/common-params.js';

/** Dimensions of consolidated data a sheet axis can run along. */
export const FLEX_DIMENSIONS = ['account', 'company', 'conso'] as const;

/** One axis of a named range: a dimension and its members in order (codes or ids). */
export const flexAxisSchema = z
  .object({ dimension: z.enum(FLEX_DIMENSIONS), members: z.array(refParam).min(1).max(10_000) })
  .strict();

/**
 * A named range of the template filled with consolidated amounts (group currency): a row per
 * member of `rows`, a column per member of `columns`; dimensions on neither axis are summed over
 * their filter (`accounts`, `companies`: every one when absent; `consos`: the job's conso).
 */
export const flexBindingSchema = z
  .object({
    /** Defined name of the template (one rectangle). */
    name: z.string().min(1),
    rows: flexAxisSchema,
    columns: flexAxisSchema,
    accounts: z.array(refParam).min(1).optional(),
    companies: z.array(refParam).min(1).optional(),
    consos: z.array(refParam).min(1).optional(),
  })
  .strict()
  .refine((b) => b.rows.dimension !== b.columns.dimension, {
    message: 'rows and columns need different dimensions',
    path: ['columns', 'dimension'],
  });

/** A binding of a named range. */
export type FlexBinding = z.output<typeof flexBindingSchema>;

/** A dimension of a binding. */
export type FlexDimension = (typeof FLEX_DIMENSIONS)[number];

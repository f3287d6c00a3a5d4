import { z } from 'zod';
import { customerParam } from '../params/common-params.js';

/** Where a pipeline extracts its rows from. */
export const pipelineSourceSchema = z.discriminatedUnion('kind', [
  /** A CSV or XLSX file in the file store. */
  z.object({ kind: z.literal('file'), file: z.string().min(1) }).strict(),
  /** An output file of another job of the tenant. */
  z.object({ kind: z.literal('job'), job: z.string().min(1), file: z.string().min(1) }).strict(),
  /** A GET on an endpoint of the web-service allow-list (its secret headers included). */
  z.object({ kind: z.literal('http'), url: z.url({ protocol: /^https?$/ }) }).strict(),
  /** One read-only SELECT on a configured connection; its columns are the source columns. */
  z
    .object({ kind: z.literal('sql'), connection: z.string().min(1), query: z.string().min(1).max(100_000) })
    .strict(),
]);

/** A pipeline source. */
export type PipelineSource = z.output<typeof pipelineSourceSchema>;

/**
 * A declared data-integration pipeline: extract from a source, map through a saved mapping
 * profile of `@hangar/jobs-importexport` (columns, transforms, lookups), load through its import
 * (every row validated, all or nothing), or with `dryRun` only report what would be loaded.
 */
export const diStudioParams = z
  .object({
    /** Customer code: the job's tenant when absent. */
    customer: customerParam,
    source: pipelineSourceSchema,
    /** Code of the customer's mapping profile: target table, columns, transforms, lookups. */
    profile: z.string().min(1),
    /** `merge` (default) or `replace` the scope the rows cover, as the generic import does. */
    mode: z.enum(['replace', 'merge']).default('merge'),
    /** Errors collected before the load stops reading. */
    maxErrors: z.number().int().min(1).max(100_000).default(100),
    /** Extract and check the layout against the profile, count and preview the rows; write nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();

/** Parameters of the DI Studio job. */
export type DiStudioParams = z.output<typeof diStudioParams>;

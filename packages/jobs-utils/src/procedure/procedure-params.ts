import { z } from 'zod';

/** Parameter types a procedure call may bind, portable between PostgreSQL and SQL Server. */
export const PROCEDURE_PARAM_TYPES = [
  'int',
  'bigint',
  'numeric',
  'text',
  'boolean',
  'date',
  'timestamp',
  'xml',
  'json',
] as const;
export type ProcedureParamType = (typeof PROCEDURE_PARAM_TYPES)[number];

/** An identifier: letters, digits, `_` (and `$` after the first). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/** One parameter of a procedure call. */
export const procedureParamSchema = z.object({
  /** Its name; `errorinfo` (SQL Server `@errorinfo`) is read as the ErrorInfo XML of the call. */
  name: z.string().regex(IDENTIFIER, 'must be a plain identifier'),
  type: z.enum(PROCEDURE_PARAM_TYPES),
  /** `in` (default), `out` (no value) or `inout`. */
  direction: z.enum(['in', 'out', 'inout']).default('in'),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
});
export type ProcedureParam = z.output<typeof procedureParamSchema>;

/** Parameters of `utils.run-stored-procedure`. */
export const runStoredProcedureParams = z.object({
  /** Name of a connection in the operator's settings (`sql.connections`). */
  connection: z.string().min(1),
  /** The procedure or function, optionally schema-qualified (`reporting.refresh_totals`). */
  procedure: z
    .string()
    .refine((name) => name.split('.').length <= 2 && name.split('.').every((part) => IDENTIFIER.test(part)), {
      message: 'must be an identifier, optionally schema-qualified',
    }),
  /** `procedure` (CALL / EXEC) or, on PostgreSQL, `function` (SELECT * FROM f(…)). */
  kind: z.enum(['procedure', 'function']).default('procedure'),
  /** The parameters in declaration order. */
  parameters: z.array(procedureParamSchema).default([]),
});
export type RunStoredProcedureParams = z.output<typeof runStoredProcedureParams>;

/** What a call gave back. */
export interface ProcedureOutcome {
  /** Output and in/out parameters by name (errorinfo excluded). */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Rows a function or the procedure's result sets returned (at most `MAX_RETURNED_ROWS`). */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** The `errorinfo` output, as XML, when the call produced one. */
  readonly errorInfoXml: string | undefined;
}

/** Rows kept in a job's result; a call returning more reports the first ones only. */
export const MAX_RETURNED_ROWS = 100;

/** Whether a parameter is the ErrorInfo XML output of the `@errorinfo` convention. */
export const isErrorInfoParam = (param: Pick<ProcedureParam, 'name'>): boolean =>
  param.name.toLowerCase() === 'errorinfo';

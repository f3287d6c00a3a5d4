import type { ZodType } from 'zod';
import { type FieldIssue, ParamsValidationError } from '../errors/params-validation-error.js';

/** Checks `params` against a job type's schema; throws `ParamsValidationError` naming every bad field. */
export function validateParams<P>(type: string, schema: ZodType<P>, params: unknown): P {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
  throw new ParamsValidationError(type, issues);
}

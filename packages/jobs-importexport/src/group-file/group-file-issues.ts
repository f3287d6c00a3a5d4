import type { MessageParam } from '@hangar/core';
import type { z } from 'zod';
import type { RowErrorCollector } from '../validate/row-error-collector.js';

/**
 * Reports the schema problems of a group file, one error per problem, located by JSON path in
 * `column` (`row` is the 1-based position in the first list on the path, 0 outside lists) with
 * the value found there, so a user can find the entry in the file. A misspelt key is reported
 * under its own path, its name as the value.
 */
export function reportGroupFileIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  errors: RowErrorCollector,
): void {
  for (const issue of issues) {
    const index = issue.path.find((part): part is number => typeof part === 'number');
    const row = index === undefined ? 0 : index + 1;
    const path = issue.path.map(String);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const column = (key === undefined ? path : [...path, key]).join('.') || '(file)';
      const value = key ?? shown(valueAt(input, issue.path));
      errors.add({ row, column, problem: 'invalidValue', value, params: { allowed: issue.message } });
    }
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** A scalar as a message parameter; objects and lists are left out (the path names them). */
function shown(value: unknown): MessageParam {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

import type { StepCondition } from './workflow-declaration.js';

/** The value at a dotted path of a result (`a.b.0`), or undefined. */
export function valueAt(result: unknown, path: string): unknown {
  if (path === '') return result;
  let value: unknown = result;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Whether a step's `when` holds of its parent's result. Orderings compare numbers with numbers
 * and strings with strings only: `gt` of a string and a number is false, not coerced.
 */
export function conditionHolds(condition: StepCondition, result: unknown): boolean {
  const actual = valueAt(result, condition.path);
  const expected = condition.value;
  switch (condition.op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'missing':
      return actual === undefined || actual === null;
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    default: {
      const comparable =
        (typeof actual === 'number' && typeof expected === 'number') ||
        (typeof actual === 'string' && typeof expected === 'string');
      if (!comparable) return false;
      const a = actual as number | string;
      const b = expected as number | string;
      if (condition.op === 'gt') return a > b;
      if (condition.op === 'gte') return a >= b;
      if (condition.op === 'lt') return a < b;
      return a <= b;
    }
  }
}

import { expect } from 'vitest';
import { Rational } from '../rational.js';

/** Expected keys that explain a case rather than state a result. */
const COMMENTARY_KEYS = new Set(['analysis', 'notes', 'note', 'reference_elimination_journal']);

/** Maps whose every account must be listed: an extra non-zero key in the output is a mismatch. */
const COMPLETE_MAPS = new Set(['consolidated_tb']);

/** Fields that identify an element of an expected list, tried in this order. */
const IDENTITY_FIELDS: readonly (readonly string[])[] = [
  ['rule', 'company', 'partner', 'account'],
  ['holder', 'held'],
];

/**
 * Asserts that `actual` matches every result in `expected` within `tolerance`. `exact` values
 * are compared as exact fractions; commentary keys are ignored.
 */
export function expectMatches(actual: unknown, expected: unknown, tolerance: number, at = 'output'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${at} should be a number`).toBe('number');
    expect(
      Math.abs((actual as number) - expected),
      `${at}: ${String(actual)} vs ${expected}`,
    ).toBeLessThanOrEqual(tolerance);
    return;
  }
  if (typeof expected === 'string') {
    if (actual === expected) return;
    const want = Rational.parse(expected);
    if (at.includes('.exact.')) {
      expect(typeof actual, `${at} should be an exact fraction string`).toBe('string');
      expect(Rational.parse(actual as string).compare(want), `${at}: ${String(actual)} vs ${expected}`).toBe(
        0,
      );
      return;
    }
    expect(typeof actual, `${at} should be a number`).toBe('number');
    expect(
      Math.abs((actual as number) - want.toNumber()),
      `${at}: ${String(actual)} vs ${expected}`,
    ).toBeLessThan(tolerance);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${at} should be a list`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${at} length`).toBe(expected.length);
    expected.forEach((item, i) => {
      const match = findCounterpart(list, item) ?? list[i];
      expectMatches(match, item, tolerance, `${at}[${i}]`);
    });
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual === 'object' && actual !== null, `${at} should be an object`).toBe(true);
    const record = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (COMMENTARY_KEYS.has(key)) continue;
      expect(record, `${at} should have ${key}`).toHaveProperty([key]);
      expectMatches(record[key], value, tolerance, `${at}.${key}`);
    }
    const name = at.split('.').pop() ?? '';
    if (COMPLETE_MAPS.has(name)) {
      for (const [key, value] of Object.entries(record)) {
        if (!(key in expected)) {
          expect(Math.abs(value as number), `${at}.${key} is not expected`).toBeLessThan(tolerance);
        }
      }
    }
    return;
  }
  expect(actual, at).toEqual(expected);
}

function findCounterpart(list: readonly unknown[], item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return undefined;
  const wanted = item as Record<string, unknown>;
  const fields = IDENTITY_FIELDS.find((f) => f.every((name) => name in wanted));
  if (fields === undefined) return undefined;
  return list.find(
    (candidate) =>
      typeof candidate === 'object' &&
      candidate !== null &&
      fields.every((name) => (candidate as Record<string, unknown>)[name] === wanted[name]),
  );
}

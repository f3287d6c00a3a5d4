import { describe, expect, it } from 'vitest';
import { sameValue, ValidatedParams } from './validated-params.js';

describe('sameValue', () => {
  it('compares JSON-shaped values and Dates by value', () => {
    const at = new Date('2026-12-06T00:00:00Z');
    expect(sameValue({ a: [1, { b: 'x' }], at }, { a: [1, { b: 'x' }], at: new Date(at.getTime()) })).toBe(
      true,
    );
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue({ at }, { at: at.toISOString() })).toBe(false);
    expect(sameValue([1], { 0: 1, length: 1 })).toBe(false);
    expect(sameValue(new Map(), new Map())).toBe(false);
  });
});

describe('ValidatedParams', () => {
  it('remembers nothing while no runner reads it', () => {
    const validated = new ValidatedParams();
    validated.remember('j1', { n: 1 });
    expect(validated.take('j1', { n: 1 })).toBe(false);
  });

  it('answers once per job, and only for equal parameters', () => {
    const validated = new ValidatedParams();
    validated.setReading(true);
    validated.remember('j1', { n: 1 });
    validated.remember('j2', { n: 2 });
    expect(validated.take('j1', { n: 1 })).toBe(true);
    expect(validated.take('j1', { n: 1 })).toBe(false);
    expect(validated.take('j2', { n: 3 })).toBe(false);
    validated.remember('j3', { n: 3 });
    validated.setReading(false);
    expect(validated.take('j3', { n: 3 })).toBe(false);
  });
});

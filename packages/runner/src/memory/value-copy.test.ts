import { describe, expect, it } from 'vitest';
import { copyValue } from './value-copy.js';

describe('copyValue', () => {
  it('copies JSON-shaped values and Dates deeply, sharing nothing', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const original = { a: 1, b: 'x', c: null, d: [1, { e: true }], at, nested: { f: [at] }, u: undefined };
    const copy = copyValue(original);
    expect(copy).toStrictEqual(original);
    expect(copy).not.toBe(original);
    expect(copy.d[1]).not.toBe(original.d[1]);
    expect(copy.at).not.toBe(at);
    expect(copy.at.getTime()).toBe(at.getTime());
    (copy.d[1] as { e: boolean }).e = false;
    copy.at.setTime(0);
    expect(original.d[1]).toEqual({ e: true });
    expect(at.getTime()).toBe(Date.parse('2026-01-02T03:04:05.678Z'));
  });

  it('falls back to structuredClone for other objects', () => {
    const map = new Map([['k', { v: 1 }]]);
    const copy = copyValue({ map });
    expect(copy.map).toBeInstanceOf(Map);
    expect(copy.map).not.toBe(map);
    expect(copy.map.get('k')).toEqual({ v: 1 });
    expect(copy.map.get('k')).not.toBe(map.get('k'));
  });

  it('returns primitives as they are', () => {
    expect(copyValue(5)).toBe(5);
    expect(copyValue('s')).toBe('s');
    expect(copyValue(undefined)).toBeUndefined();
  });
});

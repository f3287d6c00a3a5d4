import { describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableTextProblem } from './storable-text.js';

describe('unstorableTextProblem', () => {
  it('accepts text PostgreSQL stores, surrogate pairs included', () => {
    for (const text of ['', 'plain', 'é à ç', '😀 and 𝄞', '\u0001\u001f', '\uFFFF']) {
      expect(unstorableTextProblem(text)).toBeUndefined();
    }
  });

  it.each([
    ['a\u0000b', 'contains a NUL character (U+0000) at index 1'],
    ['\uD800', 'contains a lone UTF-16 surrogate (U+D800) at index 0'],
    ['ab\uDBFF', 'contains a lone UTF-16 surrogate (U+DBFF) at index 2'],
    ['\uDC00x', 'contains a lone UTF-16 surrogate (U+DC00) at index 0'],
    ['😀\uDE00', 'contains a lone UTF-16 surrogate (U+DE00) at index 2'],
    ['\uD83D\uD83D\uDE00', 'contains a lone UTF-16 surrogate (U+D83D) at index 0'],
  ])('refuses %j: %s', (text, problem) => {
    expect(unstorableTextProblem(text)).toBe(problem);
  });
});

describe('findUnstorableText', () => {
  it('finds nothing in storable values of every JSON kind', () => {
    expect(findUnstorableText({ a: [1, true, null, { b: '😀' }], c: new Date(0), d: undefined })).toBe(
      undefined,
    );
    expect(findUnstorableText(undefined)).toBeUndefined();
    expect(findUnstorableText(42)).toBeUndefined();
  });

  it('names the path of a bad value, in arrays and nested objects', () => {
    expect(findUnstorableText({ tag: 'a\u0000b' })).toEqual({
      path: 'tag',
      problem: 'contains a NUL character (U+0000) at index 1',
    });
    expect(findUnstorableText({ items: [{ name: 'x' }, { name: 'y' }, { name: 'z\uD800' }] })?.path).toBe(
      'items.2.name',
    );
    expect(findUnstorableText('\uDC00')).toEqual({
      path: '',
      problem: 'contains a lone UTF-16 surrogate (U+DC00) at index 0',
    });
  });

  it('names a bad key with its characters escaped', () => {
    expect(findUnstorableText({ outer: { 'a\u0000b': 1 } })).toEqual({
      path: 'outer.a\\u0000b',
      problem: 'has a key that contains a NUL character (U+0000) at index 1',
    });
    expect(findUnstorableText({ '\uD800': 'fine' })?.path).toBe('\\ud800');
  });

  it('stops at a value it has already walked instead of looping', () => {
    const loop: Record<string, unknown> = { name: 'ok' };
    loop.self = loop;
    expect(findUnstorableText(loop)).toBeUndefined();
    loop.bad = '\u0000';
    expect(findUnstorableText(loop)?.path).toBe('bad');
  });
});

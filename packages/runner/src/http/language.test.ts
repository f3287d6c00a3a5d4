import { describe, expect, it } from 'vitest';
import { negotiateLanguage, parseAcceptLanguage } from './language.js';

describe('negotiateLanguage', () => {
  const langs = ['en', 'fr'];
  it.each([
    [undefined, undefined, 'en'],
    ['fr', 'en', 'fr'],
    ['fr-CA', undefined, 'fr'],
    ['de', 'fr;q=0.5, en;q=0.4', 'fr'],
    [undefined, 'de-DE, fr-BE;q=0.9, en;q=0.8', 'fr'],
    [undefined, 'en;q=0.1, fr;q=0.9', 'fr'],
    [undefined, 'fr;q=0, en', 'en'],
    [undefined, '*', 'en'],
    [undefined, 'fr_FR', 'fr'],
  ])('?lang=%s with Accept-Language %s gives %s', (query, header, expected) => {
    expect(negotiateLanguage(langs, query, header)).toBe(expected);
  });

  it('orders by weight, then by position', () => {
    expect(parseAcceptLanguage('a;q=0.5, b, c;q=0.5, d;q=1')).toEqual(['b', 'd', 'a', 'c']);
  });
});

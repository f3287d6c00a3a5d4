import { FALLBACK_LANGUAGE } from '@hangar/core';

/**
 * The language to render messages in: `?lang=` wins, then the best `Accept-Language` entry that
 * has a catalog (exactly, or by its base language: `fr-CA` → `fr`), then English.
 */
export function negotiateLanguage(
  available: readonly string[],
  queryLang: string | undefined,
  acceptLanguage: string | undefined,
): string {
  const known = new Set(available.map((l) => l.toLowerCase()));
  const pick = (tag: string): string | undefined => {
    const lower = tag.trim().toLowerCase().replace('_', '-');
    if (!lower || lower === '*') return undefined;
    if (known.has(lower)) return lower;
    const base = lower.split('-')[0] ?? lower;
    return known.has(base) ? base : undefined;
  };
  if (queryLang) {
    const chosen = pick(queryLang);
    if (chosen) return chosen;
  }
  for (const tag of parseAcceptLanguage(acceptLanguage ?? '')) {
    const chosen = pick(tag);
    if (chosen) return chosen;
  }
  return FALLBACK_LANGUAGE;
}

/** Language tags of an `Accept-Language` header, most preferred first (q=0 dropped). */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q=([0-9.]+)\s*$/i.exec(a)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((e) => e.tag !== '' && e.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((e) => e.tag);
}

import { describe, expect, it } from 'vitest';
import { coreMessages } from './core-messages.js';
import { t } from './translatable-string.js';
import { Translator } from './translator.js';

describe('Translator', () => {
  const tr = new Translator().register({
    en: { 'conso.progress': 'Conso {index}/{count} {code}: {@step}', 'step.bundles': 'Converting bundles' },
    fr: {
      'conso.progress': 'Conso {index}/{count} {code} : {@step}',
      'step.bundles': 'Conversion des liasses',
    },
  });

  it('renders in the requested language, with nested keys', () => {
    const msg = t('conso.progress', { index: 3, count: 5, code: "'202312ACT001'", step: 'step.bundles' });
    expect(tr.render(msg, 'en')).toBe("Conso 3/5 '202312ACT001': Converting bundles");
    expect(tr.render(msg, 'fr-CA')).toBe("Conso 3/5 '202312ACT001' : Conversion des liasses");
  });

  it('falls back to English, then to the key with its parameters', () => {
    tr.register({ en: { 'only.en': 'Only {x}' } });
    expect(tr.render(t('only.en', { x: 1 }), 'fr')).toBe('Only 1');
    expect(tr.render(t('missing.key', { x: 1 }), 'fr')).toBe('missing.key (x=1)');
  });

  it('ships every core message key in French too', () => {
    expect(Object.keys(coreMessages.fr).sort()).toEqual(Object.keys(coreMessages.en).sort());
  });
});

describe('Translator dates', () => {
  const tr = new Translator().register({
    en: { locked: 'Locked by {who} since {at:datetime}', day: 'On {at:date}' },
    fr: { locked: 'Verrouillée par {who} depuis le {at:datetime}', day: 'Le {at:date}' },
  });
  const at = '2024-02-01T10:00:00.000Z';

  it("renders a timestamp parameter in the reader's language, in UTC", () => {
    const en = tr.render(t('locked', { who: 'alice', at }), 'en');
    expect(en).toMatch(/^Locked by alice since February 1, 2024.*10:00:00\sAM UTC$/);
    const fr = tr.render(t('locked', { who: 'alice', at }), 'fr');
    expect(fr).toMatch(/^Verrouillée par alice depuis le 1 février 2024.*10:00:00 UTC$/);
    expect(tr.render(t('day', { at }), 'fr-CA')).toBe('Le 1 février 2024');
    expect(tr.render(t('day', { at: Date.parse(at) }), 'en')).toBe('On February 1, 2024');
  });

  it('renders a value that is not a date as it is', () => {
    expect(tr.render(t('day', { at: '?' }), 'fr')).toBe('Le ?');
    expect(tr.render(t('day', { at: null }), 'en')).toBe('On ');
  });
});

import type { MessageParam, TranslatableString } from './translatable-string.js';

/** A language's messages: key to template with `{name}` placeholders. */
export type MessageCatalog = Readonly<Record<string, string>>;

/** Catalogs by language code (`en`, `fr`, ...). */
export type MessageCatalogs = Readonly<Record<string, MessageCatalog>>;

/** The language every key must exist in; others fall back to it. */
export const FALLBACK_LANGUAGE = 'en';

/**
 * Renders translatable strings from registered catalogs, falling back to English, then to the key.
 * Placeholders: `{name}` the value, `{@name}` a nested message key, `{name:date}` and
 * `{name:datetime}` an ISO timestamp in the reader's language.
 */
export class Translator {
  private readonly catalogs = new Map<string, Map<string, string>>();

  /** Adds (or overrides) messages for one or more languages. */
  register(catalogs: MessageCatalogs): this {
    for (const [lang, messages] of Object.entries(catalogs)) {
      let target = this.catalogs.get(lang);
      if (!target) {
        target = new Map();
        this.catalogs.set(lang, target);
      }
      for (const [key, text] of Object.entries(messages)) target.set(key, text);
    }
    return this;
  }

  /** Languages with at least one message. */
  languages(): string[] {
    return [...this.catalogs.keys()];
  }

  /** Keys registered for a language. */
  keys(lang: string): string[] {
    return [...(this.catalogs.get(lang)?.keys() ?? [])];
  }

  /** Whether `key` has a message in `lang` itself (without fallback). */
  has(key: string, lang: string): boolean {
    return this.catalogs.get(lang)?.has(key) ?? false;
  }

  /** Renders a message in `lang` (e.g. `fr`, `fr-CA`), falling back to the base language, then English, then the key. */
  render(message: TranslatableString, lang: string = FALLBACK_LANGUAGE): string {
    const base = lang.split(/[-_]/)[0] ?? lang;
    const template =
      this.catalogs.get(lang)?.get(message.key) ??
      this.catalogs.get(base)?.get(message.key) ??
      this.catalogs.get(FALLBACK_LANGUAGE)?.get(message.key);
    if (template === undefined) return renderMissing(message);
    return interpolate(template, message.params ?? {}, this, lang);
  }
}

function interpolate(
  template: string,
  params: Readonly<Record<string, MessageParam>>,
  translator: Translator,
  lang: string,
): string {
  return template.replace(
    /\{(@?)([A-Za-z0-9_.]+)(?::(date|datetime))?\}/g,
    (whole, nested: string, name: string, format: MessageDateFormat | undefined) => {
      const value = params[name];
      if (value === undefined) return whole;
      // `{@name}` renders a parameter that is itself a message key, e.g. a step name.
      if (nested === '@' && typeof value === 'string') return translator.render({ key: value }, lang);
      if (format !== undefined) return formatDate(value, format, lang);
      return value === null ? '' : String(value);
    },
  );
}

/** Formats a placeholder may ask for: `{at:date}`, `{at:datetime}`. */
type MessageDateFormat = 'date' | 'datetime';

/**
 * Renders an ISO timestamp (or epoch ms) in the reader's language. Parameters stay plain JSON,
 * so the stored message keeps the exact instant and each reader gets their own format. Times are
 * shown in UTC, named as such, because the reader's time zone is not known here. A value that is
 * not a date is rendered as is, never dropped.
 */
function formatDate(value: MessageParam, format: MessageDateFormat, lang: string): string {
  const text = value === null ? '' : String(value);
  const time = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time)) return text;
  const options: Intl.DateTimeFormatOptions =
    format === 'date'
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(lang, options).format(time);
  } catch {
    // An unknown language tag: English rather than nothing.
    return new Intl.DateTimeFormat(FALLBACK_LANGUAGE, options).format(time);
  }
}

function renderMissing(message: TranslatableString): string {
  const params = message.params ? Object.entries(message.params) : [];
  if (params.length === 0) return message.key;
  return `${message.key} (${params.map(([k, v]) => `${k}=${String(v)}`).join(', ')})`;
}

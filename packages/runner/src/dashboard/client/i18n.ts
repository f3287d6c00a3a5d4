import { type DashboardMessageKey, dashboardMessages } from '../dashboard-messages.js';

/** Languages the page is written in. */
export type Language = keyof typeof dashboardMessages;

/** The languages, in the order of the switch. */
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

const STORAGE_KEY = 'hangar.dashboard.lang';

const isLanguage = (value: string | null | undefined): value is Language =>
  value !== null && value !== undefined && (LANGUAGES as readonly string[]).includes(value);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.toLowerCase().split('-')[0];
  return isLanguage(browser) ? browser : 'en';
}

let current: Language = initialLanguage();

/** The page's language, which also goes to the API as `?lang=`. */
export function language(): Language {
  return current;
}

/** Switches the language (kept for the next visit). */
export function setLanguage(lang: Language): void {
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** A text of the dashboard's catalog in the page's language, `{name}` replaced by `params.name`. */
export function t(key: DashboardMessageKey, params: Record<string, string | number> = {}): string {
  const catalog: Readonly<Record<string, string>> = dashboardMessages[current];
  const text = catalog[key] ?? dashboardMessages.en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A time in the page's language, or '—'. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(current, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

/** The name of a job state in the page's language. */
export function stateName(state: string): string {
  const key = `hangar.dashboard.state.${state}`;
  return key in dashboardMessages.en ? t(key as DashboardMessageKey) : state;
}

import { h, replace } from './dom.js';
import { LANGUAGES, type Language, language, setLanguage, t } from './i18n.js';
import type { Session } from './session.js';

/** What the shell needs from the page: the session (if signed in) and how to redraw or sign out. */
export interface ShellHooks {
  session: Session | undefined;
  rerender: () => void;
  signOut: () => void;
}

const NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

/** Draws the header (title, navigation, language switch, who is signed in) and returns the main region. */
export function drawShell(app: HTMLElement, hooks: ShellHooks, current: string): HTMLElement {
  document.title = t('hangar.dashboard.title');
  const select = h(
    'select',
    {
      id: 'language',
      onchange: (event) => {
        setLanguage((event.target as HTMLSelectElement).value as Language);
        hooks.rerender();
      },
    },
    LANGUAGES.map((lang) => h('option', { value: lang, lang, selected: lang === language() }, NAMES[lang])),
  );
  const link = (route: string, label: string) =>
    h('li', {}, h('a', { href: `#/${route}`, 'aria-current': current === route ? 'page' : null }, label));
  const { session } = hooks;
  const main = h('main', { id: 'main', tabindex: -1 });
  replace(
    app,
    h(
      'header',
      {},
      h('span', { class: 'brand' }, t('hangar.dashboard.title')),
      session &&
        h(
          'nav',
          { 'aria-label': t('hangar.dashboard.nav.main') },
          h(
            'ul',
            {},
            link('overview', t('hangar.dashboard.nav.overview')),
            link('jobs', t('hangar.dashboard.nav.jobs')),
            link('workflows', t('hangar.dashboard.nav.workflows')),
            link('schedules', t('hangar.dashboard.nav.schedules')),
          ),
        ),
      h('span', { class: 'field' }, h('label', { for: 'language' }, t('hangar.dashboard.language')), select),
      session &&
        h(
          'span',
          { class: 'who' },
          t('hangar.dashboard.signedInAs', {
            userId: session.identity.userId,
            customerId: session.identity.customerId,
            roles: session.identity.roles.join(', '),
          }),
          ' ',
          h('button', { type: 'button', onclick: hooks.signOut }, t('hangar.dashboard.logout')),
        ),
    ),
    main,
  );
  return main;
}

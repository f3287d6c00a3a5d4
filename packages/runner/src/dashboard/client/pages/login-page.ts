import { h, replace } from '../dom.js';
import { report, statusLine } from '../feedback.js';
import { t } from '../i18n.js';
import { type Session, signIn } from '../session.js';

/** Asks for the bearer token; the server checks it before the page goes on. */
export function loginPage(root: HTMLElement, onSignedIn: (session: Session) => void): void {
  const status = statusLine();
  const input = h('input', {
    id: 'token',
    type: 'password',
    required: true,
    autocomplete: 'off',
    minlength: 16,
  });
  const form = h(
    'form',
    {
      class: 'login',
      onsubmit: (event) => {
        event.preventDefault();
        signIn(input.value.trim()).then(onSignedIn, (error: unknown) => report(status, error));
      },
    },
    h('label', { for: 'token' }, t('hangar.dashboard.login.token')),
    input,
    h('p', { class: 'muted' }, t('hangar.dashboard.login.hint')),
    h('button', { type: 'submit' }, t('hangar.dashboard.login.submit')),
  );
  replace(root, h('h1', {}, t('hangar.dashboard.login.heading')), form, status);
  input.focus();
}

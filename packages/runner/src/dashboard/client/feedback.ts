import { ApiError } from './api-client.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** A live region for the outcome of actions, read out by screen readers. */
export function statusLine(): HTMLParagraphElement {
  return h('p', { class: 'status', role: 'status', 'data-testid': 'status' });
}

/** Shows a message (or the API's refusal, in the page's language) in a status line. */
export function report(line: HTMLElement, outcome: string | unknown): void {
  const isText = typeof outcome === 'string';
  line.classList.toggle('error', !isText);
  if (isText) replace(line, outcome);
  else if (outcome instanceof ApiError) replace(line, `${outcome.code}: ${outcome.message}`);
  else replace(line, t('hangar.dashboard.error.network', { message: String(outcome) }));
}

/** A state badge, its colour from the state (the text carries the meaning, colour only helps). */
export function stateBadge(state: string, text: string): HTMLSpanElement {
  return h('span', { class: `badge state-${state.toLowerCase()}`, 'data-state': state }, text);
}

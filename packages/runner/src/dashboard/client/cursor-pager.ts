import { h, replace } from './dom.js';
import { t } from './i18n.js';

/** The pager under a cursor-paged list: which page to load, and its First / Next / Refresh buttons. */
export interface CursorPager {
  /** Where the buttons go; filled by {@link CursorPager.show}. */
  readonly element: HTMLElement;
  /** The cursor of the page to load (undefined for the first page). */
  readonly cursor: string | undefined;
  /** Back to the first page, e.g. when the filters change. */
  reset(): void;
  /** Shows the buttons for the page just loaded: First past the first page, Next when `nextCursor` is set. */
  show(nextCursor: string | null): void;
}

/**
 * A pager that keeps the cursor of every page walked so far (the API pages forward only, so First
 * drops back to the start). `load` is called after First or Next, `refresh` (default `load`) by
 * Refresh, which stays on the current page.
 */
export function cursorPager(load: () => void, refresh: () => void = load): CursorPager {
  const element = h('div', { class: 'actions' });
  const cursors: Array<string | undefined> = [undefined];
  const button = (label: string, onclick: () => void) => h('button', { type: 'button', onclick }, label);
  return {
    element,
    get cursor() {
      return cursors.at(-1);
    },
    reset() {
      cursors.splice(0, cursors.length, undefined);
    },
    show(nextCursor) {
      replace(
        element,
        cursors.length > 1 &&
          button(t('hangar.dashboard.jobs.first'), () => {
            cursors.splice(1);
            load();
          }),
        nextCursor !== null &&
          button(t('hangar.dashboard.jobs.next'), () => {
            cursors.push(nextCursor);
            load();
          }),
        button(t('hangar.dashboard.refresh'), refresh),
      );
    },
  };
}

import { type Child, h } from './dom.js';
import { t } from './i18n.js';

/**
 * A table named for screen readers (`label`), with one column header per entry of `headers`
 * (skipped when false), or "Nothing to show" when there are no rows.
 */
export function dataTable(
  label: string,
  headers: readonly (Child | false)[],
  rows: readonly HTMLTableRowElement[],
): HTMLElement {
  if (rows.length === 0) return h('p', {}, t('hangar.dashboard.none'));
  return h(
    'table',
    { 'aria-label': label },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.filter((header) => header !== false).map((header) => h('th', { scope: 'col' }, header)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

import type { OverviewView } from '../../overview.js';
import { dataTable } from '../data-table.js';
import { h, replace } from '../dom.js';
import { report, stateBadge, statusLine } from '../feedback.js';
import { formatTime, stateName, t } from '../i18n.js';
import type { Session } from '../session.js';

/** Overview: jobs per state, and per queue the waiting and running jobs and the oldest waiting one. */
export function overviewPage(root: HTMLElement, session: Session): void {
  const status = statusLine();
  const body = h('div', {}, h('p', {}, t('hangar.dashboard.loading')));
  replace(root, h('h1', {}, t('hangar.dashboard.nav.overview')), status, body);
  void session.api.json<OverviewView>('GET', 'dashboard:api/overview').then(
    (view) => {
      // An estimate is marked ≈ (PostgreSQL's statistics for many finished jobs); a count that
      // stopped at the limit of counting by listing is shown as a lower bound.
      const count = (state: keyof OverviewView['states']) =>
        view.capped.includes(state)
          ? `${view.limit}+`
          : view.estimated.includes(state)
            ? `≈ ${view.states[state]}`
            : String(view.states[state]);
      const states = Object.keys(view.states) as Array<keyof OverviewView['states']>;
      replace(
        body,
        h('h2', {}, t('hangar.dashboard.overview.byState')),
        h(
          'ul',
          { class: 'counts', 'data-testid': 'state-counts' },
          states.map((state) =>
            h(
              'li',
              { 'data-state': state },
              h('a', { href: `#/jobs?state=${state}` }, stateBadge(state, stateName(state))),
              h('strong', {}, count(state)),
            ),
          ),
        ),
        view.capped.length > 0 &&
          h('p', { class: 'muted' }, t('hangar.dashboard.overview.capped', { limit: view.limit })),
        view.estimated.length > 0 &&
          h(
            'p',
            { class: 'muted', 'data-testid': 'estimated-note' },
            t('hangar.dashboard.overview.estimated'),
          ),
        h('h2', {}, t('hangar.dashboard.overview.byQueue')),
        dataTable(
          t('hangar.dashboard.overview.byQueue'),
          [t('hangar.dashboard.column.queue'), ...states.map(stateName), t('hangar.dashboard.column.oldest')],
          view.queues.map((q) =>
            h(
              'tr',
              { 'data-queue': q.queue },
              h('th', { scope: 'row' }, q.queue),
              states.map((s) => h('td', {}, `${q.estimated.includes(s) ? '≈ ' : ''}${q.states[s] ?? 0}`)),
              h(
                'td',
                {},
                q.oldestWaitingId === null
                  ? '—'
                  : h(
                      'a',
                      { href: `#/jobs/${encodeURIComponent(q.oldestWaitingId)}` },
                      formatTime(q.oldestWaitingAt),
                    ),
              ),
            ),
          ),
        ),
      );
    },
    (error: unknown) => report(status, error),
  );
}

import type { JobPageView, JobView } from '../../../http/view-schemas.js';
import type { ApiClient } from '../api-client.js';
import { dataTable } from '../data-table.js';
import { h, replace } from '../dom.js';
import { report, stateBadge } from '../feedback.js';
import { formatTime, stateName, t } from '../i18n.js';

/** Children read per request; more come with the "More" button. */
const CHILDREN_PAGE = 50;

/**
 * The children of a job (the jobs that wait on it as their parent), newest first, read from
 * `GET /jobs?parentId=` page by page. Returns the section to place on the job page.
 */
export function jobChildren(api: ApiClient, parentId: string, status: HTMLElement): HTMLElement {
  const rows: HTMLTableRowElement[] = [];
  const box = h('div', { 'data-testid': 'children' }, h('p', {}, t('hangar.dashboard.loading')));
  const more = h('div', { class: 'actions' });

  const row = (job: JobView) =>
    h(
      'tr',
      { 'data-job-id': job.id },
      h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(job.id)}` }, job.id)),
      h('td', {}, job.type),
      h('td', {}, stateBadge(job.state, stateName(job.state))),
      h('td', {}, formatTime(job.createdAt)),
    );

  async function load(cursor: string | undefined): Promise<void> {
    try {
      const page = await api.json<JobPageView>('GET', 'jobs', {
        parentId,
        limit: String(CHILDREN_PAGE),
        cursor,
      });
      rows.push(...page.items.map(row));
      replace(
        box,
        dataTable(
          t('hangar.dashboard.job.children'),
          [
            t('hangar.dashboard.column.id'),
            t('hangar.dashboard.column.type'),
            t('hangar.dashboard.column.state'),
            t('hangar.dashboard.column.created'),
          ],
          rows,
        ),
      );
      replace(
        more,
        page.nextCursor !== null &&
          h(
            'button',
            { type: 'button', onclick: () => void load(page.nextCursor ?? undefined) },
            t('hangar.dashboard.job.moreChildren'),
          ),
      );
    } catch (error) {
      replace(box);
      report(status, error);
    }
  }

  void load(undefined);
  return h('section', {}, h('h2', {}, t('hangar.dashboard.job.children')), box, more);
}

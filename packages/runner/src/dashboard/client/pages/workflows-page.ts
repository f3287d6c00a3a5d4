import type { JobPageView, JobView } from '../../../http/view-schemas.js';
import { WORKFLOW_JOB_TYPE } from '../../workflow-job-type.js';
import { cursorPager } from '../cursor-pager.js';
import { dataTable } from '../data-table.js';
import { h, replace } from '../dom.js';
import { report, stateBadge, statusLine } from '../feedback.js';
import { formatTime, stateName, t } from '../i18n.js';
import type { Session } from '../session.js';

/** Workflows: the workflow jobs, newest first, each linked to the graph of its steps. */
export function workflowsPage(root: HTMLElement, session: Session): void {
  const { api } = session;
  const status = statusLine();
  const tableBox = h('div', { class: 'table-box' }, h('p', {}, t('hangar.dashboard.loading')));
  const pager = cursorPager(() => void load());

  const row = (job: JobView) =>
    h(
      'tr',
      { 'data-job-id': job.id },
      h('td', {}, h('a', { href: `#/workflows/${encodeURIComponent(job.id)}` }, job.id)),
      h('td', {}, stateBadge(job.state, stateName(job.state))),
      h('td', {}, job.userId ?? '—'),
      h('td', {}, job.progress?.percent === undefined ? '—' : `${Math.round(job.progress.percent)} %`),
      h('td', {}, formatTime(job.createdAt)),
    );

  async function load(): Promise<void> {
    try {
      const page = await api.json<JobPageView>('GET', 'jobs', {
        type: WORKFLOW_JOB_TYPE,
        cursor: pager.cursor,
      });
      replace(
        tableBox,
        dataTable(
          t('hangar.dashboard.workflows.heading'),
          [
            t('hangar.dashboard.column.id'),
            t('hangar.dashboard.column.state'),
            t('hangar.dashboard.column.user'),
            t('hangar.dashboard.column.progress'),
            t('hangar.dashboard.column.created'),
          ],
          page.items.map(row),
        ),
      );
      pager.show(page.nextCursor);
    } catch (error) {
      replace(tableBox);
      report(status, error);
    }
  }

  replace(
    root,
    h('h1', {}, t('hangar.dashboard.workflows.heading')),
    h('p', { class: 'muted' }, t('hangar.dashboard.workflows.hint', { type: WORKFLOW_JOB_TYPE })),
    status,
    tableBox,
    pager.element,
  );
  void load();
}

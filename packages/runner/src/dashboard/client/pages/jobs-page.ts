import type { JobPageView, JobTypeView, JobView } from '../../../http/view-schemas.js';
import { cursorPager } from '../cursor-pager.js';
import { dataTable } from '../data-table.js';
import { h, replace } from '../dom.js';
import { report, stateBadge, statusLine } from '../feedback.js';
import { formatTime, stateName, t } from '../i18n.js';
import { type JobAction, runBulkAction } from '../job-actions.js';
import type { Session } from '../session.js';

const STATES = ['Scheduled', 'Awaiting', 'Enqueued', 'Processing', 'Succeeded', 'Failed', 'Cancelled'];

/** The filter of the list, kept across visits of the page within the tab. */
interface Filter {
  state: string;
  type: string;
  queue: string;
  user: string;
}
const filter: Filter = { state: '', type: '', queue: '', user: '' };

function labelled(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** Jobs: filters (state, type, queue, user, customer for admins), search by id, a page of jobs with cursor paging, and bulk actions for operators. */
export function jobsPage(root: HTMLElement, session: Session, state?: string): void {
  if (state !== undefined) filter.state = STATES.includes(state) ? state : '';
  const { api } = session;
  const status = statusLine();
  const tableBox = h('div', { class: 'table-box' });
  const selected = new Set<string>();

  const stateSelect = h(
    'select',
    {},
    h('option', { value: '' }, t('hangar.dashboard.filter.any')),
    STATES.map((s) => h('option', { value: s, selected: filter.state === s }, stateName(s))),
  );
  const typeSelect = h('select', {}, h('option', { value: '' }, t('hangar.dashboard.filter.any')));
  const queueInput = h('input', { type: 'text', value: filter.queue, autocomplete: 'off' });
  const userInput = h('input', { type: 'text', value: filter.user, autocomplete: 'off' });
  const customerInput = h('input', { type: 'text', value: api.customerId ?? '', autocomplete: 'off' });
  void api.json<{ items: JobTypeView[] }>('GET', 'job-types').then(
    (types) => {
      for (const type of types.items) {
        typeSelect.append(h('option', { value: type.type, selected: filter.type === type.type }, type.type));
      }
    },
    (error: unknown) => report(status, error),
  );

  const filterForm = h(
    'form',
    {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        filter.state = stateSelect.value;
        filter.type = typeSelect.value;
        filter.queue = queueInput.value.trim();
        filter.user = userInput.value.trim();
        if (session.isAdmin) api.customerId = customerInput.value.trim() || undefined;
        pager.reset();
        void load();
      },
    },
    labelled('filter-state', t('hangar.dashboard.filter.state'), stateSelect),
    labelled('filter-type', t('hangar.dashboard.filter.type'), typeSelect),
    labelled('filter-queue', t('hangar.dashboard.filter.queue'), queueInput),
    labelled('filter-user', t('hangar.dashboard.filter.user'), userInput),
    session.isAdmin && labelled('filter-customer', t('hangar.dashboard.filter.customer'), customerInput),
    h('button', { type: 'submit' }, t('hangar.dashboard.filter.apply')),
  );

  const idInput = h('input', { type: 'search', autocomplete: 'off', required: true });
  const searchForm = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (event) => {
        event.preventDefault();
        const id = idInput.value.trim();
        if (id) location.hash = `#/jobs/${encodeURIComponent(id)}`;
      },
    },
    labelled('search-id', t('hangar.dashboard.search.id'), idInput),
    h('button', { type: 'submit' }, t('hangar.dashboard.search.open')),
  );

  const bulk = async (action: JobAction, label: string) => {
    const ids = [...selected];
    if (ids.length === 0) return;
    if (action === 'delete' && !confirm(t('hangar.dashboard.action.confirmDelete', { count: ids.length })))
      return;
    const outcome = await runBulkAction(api, action, ids);
    report(status, t('hangar.dashboard.jobs.bulkDone', { action: label, ...outcome }));
    await load(false);
  };
  const bulkButton = (action: JobAction, label: string) =>
    h('button', { type: 'button', onclick: () => void bulk(action, label) }, label);
  const bulkBar = session.canWrite
    ? h(
        'div',
        { class: 'actions', role: 'group', 'aria-label': t('hangar.dashboard.jobs.selected', { count: 0 }) },
        bulkButton('cancel', t('hangar.dashboard.action.cancel')),
        bulkButton('retry', t('hangar.dashboard.action.retry')),
        bulkButton('delete', t('hangar.dashboard.action.delete')),
      )
    : null;

  const pager = cursorPager(
    () => void load(),
    () => void load(false),
  );

  function row(job: JobView): HTMLTableRowElement {
    const box = h('input', {
      type: 'checkbox',
      'aria-label': t('hangar.dashboard.jobs.select', { id: job.id }),
      checked: selected.has(job.id),
      onchange: (event) => {
        const checked = (event.target as HTMLInputElement).checked;
        if (checked) selected.add(job.id);
        else selected.delete(job.id);
      },
    });
    return h(
      'tr',
      { 'data-job-id': job.id },
      session.canWrite && h('td', {}, box),
      h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(job.id)}` }, job.id)),
      h('td', {}, job.type),
      h('td', {}, job.queue),
      h('td', {}, stateBadge(job.state, stateName(job.state))),
      h('td', {}, job.userId ?? '—'),
      h('td', {}, job.progress?.percent === undefined ? '—' : `${Math.round(job.progress.percent)} %`),
      h('td', {}, formatTime(job.createdAt)),
    );
  }

  async function load(resetSelection = true): Promise<void> {
    if (resetSelection) selected.clear();
    const cursor = pager.cursor;
    replace(tableBox, h('p', {}, t('hangar.dashboard.loading')));
    try {
      const page = await api.json<JobPageView>('GET', 'jobs', {
        state: filter.state || undefined,
        type: filter.type || undefined,
        queue: filter.queue || undefined,
        userId: filter.user || undefined,
        cursor,
      });
      const selectAll = h('input', {
        type: 'checkbox',
        'aria-label': t('hangar.dashboard.jobs.selectAll'),
        onchange: (event) => {
          const checked = (event.target as HTMLInputElement).checked;
          for (const job of page.items) checked ? selected.add(job.id) : selected.delete(job.id);
          for (const box of tableBox.querySelectorAll<HTMLInputElement>('tbody input[type=checkbox]')) {
            box.checked = checked;
          }
        },
      });
      replace(
        tableBox,
        dataTable(
          t('hangar.dashboard.jobs.heading'),
          [
            session.canWrite && selectAll,
            t('hangar.dashboard.column.id'),
            t('hangar.dashboard.column.type'),
            t('hangar.dashboard.column.queue'),
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
    h('h1', {}, t('hangar.dashboard.jobs.heading')),
    filterForm,
    searchForm,
    bulkBar,
    status,
    tableBox,
    pager.element,
  );
  void load();
}

import type { JobView, LogEntryView } from '../../../http/view-schemas.js';
import { WORKFLOW_JOB_TYPE } from '../../workflow-job-type.js';
import type { StreamEvent } from '../api-client.js';
import { h, replace } from '../dom.js';
import { report, stateBadge, statusLine } from '../feedback.js';
import { formatTime, stateName, t } from '../i18n.js';
import { type JobAction, runJobAction } from '../job-actions.js';
import type { Session } from '../session.js';
import { jobChildren } from './job-children.js';

const FINISHED = ['Succeeded', 'Failed', 'Cancelled'];
/** Messages kept on the page; older ones scroll out (the API keeps them all). */
const SHOWN_MESSAGES = 500;

/**
 * One job: its state, times, attempts, worker, parameters, errors, files, parent and children; a progress
 * bar and messages that follow the job live over its event stream. Cancel and retry appear for
 * operators and admins when the state allows them.
 */
export function jobPage(root: HTMLElement, session: Session, id: string): () => void {
  const { api } = session;
  const abort = new AbortController();
  const path = `jobs/${encodeURIComponent(id)}`;
  const status = statusLine();
  const badge = h('span', { 'data-testid': 'job-state' });
  const facts = h('dl', { class: 'facts' });
  const bar = h('progress', {
    max: 100,
    value: 0,
    'aria-labelledby': 'progress-label',
    'data-testid': 'progress',
  });
  const barText = h('span', { id: 'progress-label' }, t('hangar.dashboard.job.progress'));
  const live = h('span', { class: 'muted', 'data-testid': 'live' });
  // Scrollable, so it takes keyboard focus and is named for screen readers.
  const messages = h('ol', {
    class: 'messages',
    'data-testid': 'messages',
    tabindex: 0,
    'aria-label': t('hangar.dashboard.job.messages'),
  });
  const errors = h('div');
  const files = h('div');
  const params = h('pre', { 'data-testid': 'params' });
  let lastSeq = 0;
  // What the page shows, so an older view never replaces a newer one: the cancel call's answer
  // (still Processing) can arrive after the stream already told Cancelled.
  let shown: { at: number; finished: boolean } | undefined;

  const act = async (action: JobAction) => {
    try {
      const response = (await runJobAction(api, action, id)) as { job?: JobView };
      if (response.job) show(response.job);
      if (action === 'retry') void follow();
    } catch (error) {
      report(status, error);
    }
  };
  const cancelButton = h(
    'button',
    { type: 'button', onclick: () => void act('cancel') },
    t('hangar.dashboard.action.cancel'),
  );
  const retryButton = h(
    'button',
    { type: 'button', onclick: () => void act('retry') },
    t('hangar.dashboard.action.retry'),
  );

  function fact(label: string, value: Node | string): Node[] {
    return [h('dt', {}, label), h('dd', {}, value)];
  }

  function show(job: JobView): void {
    const at = Date.parse(job.updatedAt);
    const finished = FINISHED.includes(job.state);
    if (shown && (at < shown.at || (at === shown.at && shown.finished && !finished))) return;
    shown = { at, finished };
    replace(
      badge,
      stateBadge(job.state, stateName(job.state)),
      job.cancelRequested && !FINISHED.includes(job.state)
        ? ` (${t('hangar.dashboard.job.cancelRequested')})`
        : '',
    );
    cancelButton.hidden = !session.canWrite || FINISHED.includes(job.state);
    retryButton.hidden = !session.canWrite || !['Failed', 'Cancelled'].includes(job.state);
    replace(
      facts,
      fact(t('hangar.dashboard.column.type'), job.type),
      fact(t('hangar.dashboard.column.queue'), job.queue),
      fact(t('hangar.dashboard.column.customer'), job.customerId ?? '—'),
      fact(t('hangar.dashboard.column.user'), job.userId ?? '—'),
      fact(
        t('hangar.dashboard.job.attempts'),
        t('hangar.dashboard.job.attemptsValue', { attempts: job.attempts, maxAttempts: job.maxAttempts }),
      ),
      fact(
        t('hangar.dashboard.job.worker'),
        job.worker ? `${job.worker.id} (${job.worker.host}, pid ${job.worker.pid})` : '—',
      ),
      fact(t('hangar.dashboard.job.createdAt'), formatTime(job.createdAt)),
      fact(t('hangar.dashboard.job.runAt'), formatTime(job.runAt)),
      fact(t('hangar.dashboard.job.startedAt'), formatTime(job.startedAt)),
      fact(t('hangar.dashboard.job.finishedAt'), formatTime(job.finishedAt)),
      job.parentId !== null &&
        fact(
          t('hangar.dashboard.job.parent'),
          h('a', { href: `#/jobs/${encodeURIComponent(job.parentId)}` }, job.parentId),
        ),
      job.result !== undefined &&
        job.result !== null &&
        fact(t('hangar.dashboard.job.result'), h('pre', {}, JSON.stringify(job.result, null, 2))),
    );
    if (job.progress?.percent !== undefined) bar.value = job.progress.percent;
    replace(
      errors,
      job.errors.length > 0 && [
        h('h2', {}, t('hangar.dashboard.job.errors')),
        h(
          'ul',
          { class: 'errors' },
          job.errors.map((e) =>
            h(
              'li',
              { class: `level-${e.severity}` },
              h('code', {}, e.code),
              ' ',
              e.text,
              e.source ? ` — ${e.source}` : '',
            ),
          ),
        ),
      ],
      job.warnings.length > 0 && [
        h('h2', {}, t('hangar.dashboard.job.warnings')),
        h(
          'ul',
          {},
          job.warnings.map((w) => h('li', { class: 'level-warning' }, w.text)),
        ),
      ],
    );
    replace(
      files,
      job.outputFiles.length > 0 && [
        h('h2', {}, t('hangar.dashboard.job.files')),
        h(
          'ul',
          {},
          job.outputFiles.map((file) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: () =>
                    void api.download(file.url, file.name).catch((error: unknown) => report(status, error)),
                },
                file.name,
              ),
              ` (${file.size} B, ${file.mediaType})`,
            ),
          ),
        ),
      ],
    );
  }

  function addMessage(entry: LogEntryView): void {
    if (entry.seq <= lastSeq) return;
    lastSeq = entry.seq;
    if (entry.percent !== undefined) bar.value = entry.percent;
    if (messages.childElementCount >= SHOWN_MESSAGES) messages.firstElementChild?.remove();
    messages.append(
      h(
        'li',
        { class: `level-${entry.level}` },
        h('time', { datetime: entry.at }, formatTime(entry.at)),
        ' ',
        entry.text,
      ),
    );
  }

  // A finished state ends the stream here too: a Failed or Cancelled job can still be retried,
  // so the page does not rely on the server's `end` alone.
  function onEvent(event: StreamEvent): boolean {
    if (event.event === 'progress' || event.event === 'message') addMessage(event.data as LogEntryView);
    if (event.event !== 'state') return false;
    const { job } = event.data as { job: JobView };
    show(job);
    return FINISHED.includes(job.state);
  }

  async function follow(): Promise<void> {
    replace(live, t('hangar.dashboard.job.live'));
    try {
      await api.stream(`${path}/events`, { after: String(lastSeq) }, onEvent, abort.signal);
      replace(live, t('hangar.dashboard.job.ended'));
    } catch (error) {
      if (!abort.signal.aborted) report(status, error);
    }
  }

  replace(
    root,
    h('p', {}, h('a', { href: '#/jobs' }, t('hangar.dashboard.job.back'))),
    h('h1', {}, t('hangar.dashboard.job.heading', { id })),
    status,
  );
  void (async () => {
    try {
      const job = await api.json<JobView>('GET', path);
      replace(
        root,
        h('p', {}, h('a', { href: '#/jobs' }, t('hangar.dashboard.job.back'))),
        h('h1', {}, t('hangar.dashboard.job.heading', { id })),
        h(
          'p',
          { class: 'actions' },
          badge,
          cancelButton,
          retryButton,
          live,
          job.type === WORKFLOW_JOB_TYPE &&
            h('a', { href: `#/workflows/${encodeURIComponent(id)}` }, t('hangar.dashboard.workflow.open')),
        ),
        status,
        h('div', { class: 'progress' }, barText, bar),
        facts,
        h('h2', {}, t('hangar.dashboard.job.params')),
        params,
        errors,
        files,
        h('h2', {}, t('hangar.dashboard.job.messages')),
        messages,
        jobChildren(api, id, status),
      );
      show(job);
      for (const entry of job.messages ?? []) addMessage(entry);
      void api.json<{ params: unknown }>('GET', `dashboard:api/${path}/params`).then(
        (p) => replace(params, JSON.stringify(p.params, null, 2)),
        (error: unknown) => report(status, error),
      );
      await follow();
    } catch (error) {
      report(status, error);
    }
  })();
  return () => abort.abort();
}

import type { WorkflowApiView } from '../../../http/workflow-view-schema.js';
import { h, replace } from '../dom.js';
import { report, stateBadge, statusLine } from '../feedback.js';
import { formatTime, stateName, t } from '../i18n.js';
import type { Session } from '../session.js';
import { drawEdges, type Edge, edgeCanvas } from '../workflow-edges.js';
import { stepLevels } from '../workflow-layout.js';

type StepView = WorkflowApiView['steps'][number];

const FINISHED = ['Succeeded', 'Failed', 'Cancelled'];
/** How often the view is read again while the workflow runs, and once it has ended. */
const POLL_RUNNING_MS = 1000;
const POLL_ENDED_MS = 5000;

const OPS: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/** A step's `when` in words: `sum.count > 0`, `rates is missing`. */
function conditionText(when: NonNullable<StepView['when']>): string {
  const subject = when.path ? `${when.step}.${when.path}` : when.step;
  if (when.op === 'exists') return `${subject} ${t('hangar.dashboard.workflow.op.exists')}`;
  if (when.op === 'missing') return `${subject} ${t('hangar.dashboard.workflow.op.missing')}`;
  return `${subject} ${OPS[when.op] ?? when.op} ${JSON.stringify(when.value ?? null)}`;
}

const edgeLabel = (on: string) =>
  on === 'failure'
    ? t('hangar.dashboard.workflow.edge.failure')
    : on === 'end'
      ? t('hangar.dashboard.workflow.edge.end')
      : t('hangar.dashboard.workflow.edge.success');

/** What a step runs after, in words: "Runs after rates, ledger if they succeed". */
function afterText(step: StepView): string {
  if (step.after.length === 0) return t('hangar.dashboard.workflow.start');
  const one = step.after.length === 1;
  const condition =
    step.on === 'failure'
      ? t(one ? 'hangar.dashboard.workflow.on.failure.one' : 'hangar.dashboard.workflow.on.failure')
      : step.on === 'end'
        ? t(one ? 'hangar.dashboard.workflow.on.end.one' : 'hangar.dashboard.workflow.on.end')
        : t(one ? 'hangar.dashboard.workflow.on.success.one' : 'hangar.dashboard.workflow.on.success');
  return `${t('hangar.dashboard.workflow.after', { steps: step.after.join(', ') })} ${condition}`;
}

/** The parts of a step's box that change with its state, kept to be updated in place. */
interface StepBox {
  node: HTMLLIElement;
  state: HTMLSpanElement;
  job: HTMLSpanElement;
  retry: HTMLButtonElement;
  jobId: string | null | undefined;
}

/**
 * A workflow's graph: its steps in levels (each after the steps it runs after), each a box with
 * its state in words, a link to its job and, for operators and admins once the workflow has
 * ended, *Retry step* on a failed or cancelled step; the edges carry their condition. The view is
 * read again every second while the workflow runs (every five once ended, so a retry made
 * elsewhere shows), and updated in place so the keyboard focus stays where it is. *Cancel
 * workflow* while it runs. The server checks role and tenant of every call anyway.
 */
export function workflowPage(root: HTMLElement, session: Session, id: string): () => void {
  const { api } = session;
  const path = `workflows/${encodeURIComponent(id)}`;
  const status = statusLine();
  const badge = h('span', { 'data-testid': 'workflow-state' });
  const done = h('span', { 'data-testid': 'workflow-done' });
  const facts = h('dl', { class: 'facts' });
  const graph = h('div', { class: 'wf-graph', 'data-testid': 'workflow-graph' });
  const canvas = edgeCanvas();
  const boxes = new Map<string, StepBox>();
  let edges: Edge[] = [];
  let current: WorkflowApiView | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const cancelButton = h(
    'button',
    { type: 'button', hidden: true, onclick: () => void cancel() },
    t('hangar.dashboard.workflow.cancel'),
  );

  async function cancel(): Promise<void> {
    try {
      const outcome = await api.json<{ steps: number }>('POST', `${path}/cancel`);
      report(status, t('hangar.dashboard.workflow.cancelled', { steps: outcome.steps }));
      await refresh();
    } catch (error) {
      report(status, error);
    }
  }

  async function retry(step: string): Promise<void> {
    try {
      show(await api.json<WorkflowApiView>('POST', `${path}/steps/${encodeURIComponent(step)}/retry`));
      report(status, t('hangar.dashboard.workflow.retried', { step }));
      schedule();
    } catch (error) {
      report(status, error);
    }
  }

  function stepBox(step: StepView): StepBox {
    const title = `wf-step-${step.id}`;
    const state = h('span');
    const job = h('span');
    const retryButton = h(
      'button',
      { type: 'button', hidden: true, onclick: () => void retry(step.id) },
      t('hangar.dashboard.workflow.retryStep', { step: step.id }),
    );
    const node = h(
      'li',
      { class: 'wf-node', 'data-step': step.id, 'data-testid': `step-${step.id}`, 'aria-labelledby': title },
      h('h4', { id: title }, step.id),
      h('p', { class: 'muted' }, step.type),
      h('p', {}, state),
      h('p', {}, job),
      h('p', { class: 'wf-after' }, afterText(step)),
      step.when &&
        h(
          'p',
          { class: 'wf-when' },
          t('hangar.dashboard.workflow.when', { condition: conditionText(step.when) }),
        ),
      retryButton,
    );
    return { node, state, job, retry: retryButton, jobId: undefined };
  }

  function drawGraph(view: WorkflowApiView): void {
    boxes.clear();
    const levels = stepLevels(view.steps);
    const columns = levels.map((level, i) =>
      h(
        'section',
        { class: 'wf-level', 'aria-label': t('hangar.dashboard.workflow.level', { level: i + 1 }) },
        h('h3', { class: 'visually-hidden' }, t('hangar.dashboard.workflow.level', { level: i + 1 })),
        h(
          'ol',
          {},
          level.map((step) => {
            const box = stepBox(step);
            boxes.set(step.id, box);
            return box.node;
          }),
        ),
      ),
    );
    edges = view.steps.flatMap((step) =>
      step.after.map((from) => ({ from, to: step.id, on: step.on, label: edgeLabel(step.on) })),
    );
    replace(graph, canvas, columns);
  }

  function show(view: WorkflowApiView): void {
    if (!current || current.steps.map((s) => s.id).join('\n') !== view.steps.map((s) => s.id).join('\n'))
      drawGraph(view);
    current = view;
    const ended = FINISHED.includes(view.state);
    replace(badge, stateBadge(view.state, stateName(view.state)));
    replace(done, t('hangar.dashboard.workflow.done', { done: view.done, total: view.total }));
    cancelButton.hidden = !session.canWrite || ended;
    replace(
      facts,
      h('dt', {}, t('hangar.dashboard.workflow.name')),
      h('dd', {}, view.name),
      h('dt', {}, t('hangar.dashboard.workflow.job')),
      h('dd', {}, h('a', { href: `#/jobs/${encodeURIComponent(view.id)}` }, view.id)),
      h('dt', {}, t('hangar.dashboard.job.createdAt')),
      h('dd', {}, formatTime(view.job.createdAt)),
      h('dt', {}, t('hangar.dashboard.job.finishedAt')),
      h('dd', {}, formatTime(view.job.finishedAt)),
    );
    for (const step of view.steps) {
      const box = boxes.get(step.id);
      if (!box) continue;
      box.node.dataset.state = step.state;
      box.node.className = `wf-node state-${step.state.toLowerCase()}`;
      replace(box.state, stateBadge(step.state, stateName(step.state)));
      // Replaced only when it changes, so a focused link keeps the focus.
      if (box.jobId !== step.jobId) {
        box.jobId = step.jobId;
        replace(
          box.job,
          step.jobId === null
            ? h('span', { class: 'muted' }, t('hangar.dashboard.workflow.notSubmitted'))
            : h(
                'a',
                { href: `#/jobs/${encodeURIComponent(step.jobId)}` },
                t('hangar.dashboard.workflow.stepJob', { id: step.jobId }),
              ),
        );
      }
      box.retry.hidden =
        !session.canWrite || !ended || step.jobId === null || !['Failed', 'Cancelled'].includes(step.state);
    }
    drawEdges(graph, canvas, edges);
  }

  async function refresh(): Promise<void> {
    try {
      show(await api.json<WorkflowApiView>('GET', path));
    } catch (error) {
      report(status, error);
    }
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    const ended = current !== undefined && FINISHED.includes(current.state);
    timer = setTimeout(
      () => {
        void refresh().then(schedule);
      },
      ended ? POLL_ENDED_MS : POLL_RUNNING_MS,
    );
  }

  const redraw = () => drawEdges(graph, canvas, edges);
  window.addEventListener('resize', redraw);
  replace(root, h('h1', {}, t('hangar.dashboard.workflow.heading', { id })), status);
  void (async () => {
    try {
      const view = await api.json<WorkflowApiView>('GET', path);
      replace(
        root,
        h('p', {}, h('a', { href: '#/workflows' }, t('hangar.dashboard.workflows.heading'))),
        h('h1', {}, t('hangar.dashboard.workflow.heading', { id })),
        h('p', { class: 'actions' }, badge, done, cancelButton),
        status,
        facts,
        h('h2', { id: 'wf-graph-heading' }, t('hangar.dashboard.workflow.graph')),
        graph,
      );
      graph.setAttribute('aria-labelledby', 'wf-graph-heading');
      graph.setAttribute('role', 'group');
      show(view);
      schedule();
    } catch (error) {
      report(status, error);
    }
  })();
  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('resize', redraw);
  };
}

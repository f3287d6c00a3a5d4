import type { ScheduleView } from '../../../http/view-schemas.js';
import { dataTable } from '../data-table.js';
import { h, replace } from '../dom.js';
import { report, statusLine } from '../feedback.js';
import { formatTime, t } from '../i18n.js';
import type { Session } from '../session.js';
import { triggersSection } from './triggers-section.js';

/** Schedules: next and last runs; pause, resume and run now for operators and admins. */
export function schedulesPage(root: HTMLElement, session: Session): void {
  const { api } = session;
  const status = statusLine();
  const body = h('div', {}, h('p', {}, t('hangar.dashboard.loading')));
  replace(root, h('h1', {}, t('hangar.dashboard.schedules.heading')), status, body, triggersSection(session));

  const act = async (name: string, action: 'pause' | 'resume' | 'trigger') => {
    try {
      const response = await api.json<{ jobId?: string }>(
        'POST',
        `schedules/${encodeURIComponent(name)}/${action}`,
      );
      if (response.jobId !== undefined)
        report(status, t('hangar.dashboard.schedules.triggered', { jobId: response.jobId }));
      await load();
    } catch (error) {
      report(status, error);
    }
  };
  const button = (schedule: ScheduleView, action: 'pause' | 'resume' | 'trigger', label: string) =>
    h(
      'button',
      {
        type: 'button',
        'aria-label': `${label} ${schedule.name}`,
        onclick: () => void act(schedule.name, action),
      },
      label,
    );

  async function load(): Promise<void> {
    try {
      const { items } = await api.json<{ items: ScheduleView[] }>('GET', 'schedules');
      replace(
        body,
        dataTable(
          t('hangar.dashboard.schedules.heading'),
          [
            t('hangar.dashboard.schedules.name'),
            t('hangar.dashboard.column.type'),
            t('hangar.dashboard.schedules.cron'),
            t('hangar.dashboard.schedules.status'),
            t('hangar.dashboard.schedules.nextRun'),
            t('hangar.dashboard.schedules.lastRun'),
            session.canWrite && '',
          ],
          items.map((s) =>
            h(
              'tr',
              { 'data-schedule': s.name },
              h('th', { scope: 'row' }, s.name),
              h('td', {}, s.type),
              h('td', {}, h('code', {}, s.cron), ` (${s.timezone})`),
              h(
                'td',
                {},
                s.paused ? t('hangar.dashboard.schedules.paused') : t('hangar.dashboard.schedules.active'),
              ),
              h('td', {}, s.paused ? '—' : formatTime(s.nextRunAt)),
              h('td', {}, formatTime(s.lastRunAt)),
              session.canWrite &&
                h(
                  'td',
                  { class: 'actions' },
                  s.paused
                    ? button(s, 'resume', t('hangar.dashboard.action.resume'))
                    : button(s, 'pause', t('hangar.dashboard.action.pause')),
                  button(s, 'trigger', t('hangar.dashboard.action.trigger')),
                ),
            ),
          ),
        ),
      );
    } catch (error) {
      report(status, error);
    }
  }
  void load();
}

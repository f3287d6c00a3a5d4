import type { TriggerView } from '../../../http/trigger-schemas.js';
import type { ApiClient } from '../api-client.js';
import { dataTable } from '../data-table.js';
import { h, replace } from '../dom.js';
import { report, statusLine } from '../feedback.js';
import { formatTime, t } from '../i18n.js';

/** Event triggers, under the schedules: which ends fire each; pause and resume for operators and admins. */
export function triggersSection(signedIn: { api: ApiClient; canWrite: boolean }): HTMLElement {
  const { api, canWrite } = signedIn;
  const status = statusLine();
  const body = h('div', {}, h('p', {}, t('hangar.dashboard.loading')));
  const section = h('section', {}, h('h2', {}, t('hangar.dashboard.triggers.heading')), status, body);

  const act = async (name: string, action: 'pause' | 'resume') => {
    try {
      await api.json('POST', `triggers/${encodeURIComponent(name)}/${action}`);
      await load();
    } catch (error) {
      report(status, error);
    }
  };
  const button = (trigger: TriggerView, action: 'pause' | 'resume') => {
    const label = t(`hangar.dashboard.action.${action}`);
    return h(
      'button',
      {
        type: 'button',
        'aria-label': `${label} ${trigger.name}`,
        onclick: () => void act(trigger.name, action),
      },
      label,
    );
  };
  const event = (on: TriggerView['on']) => {
    const metadata = Object.entries(on.metadata).map(([k, v]) => `${k}=${v}`);
    const states = on.states
      .map((s) => t(`hangar.dashboard.state.${s as 'Succeeded' | 'Failed' | 'Cancelled'}`))
      .join(', ');
    return `${on.type}${metadata.length > 0 ? ` (${metadata.join(', ')})` : ''}: ${states}`;
  };

  async function load(): Promise<void> {
    try {
      const { items } = await api.json<{ items: TriggerView[] }>('GET', 'triggers');
      replace(
        body,
        dataTable(
          t('hangar.dashboard.triggers.heading'),
          [
            t('hangar.dashboard.schedules.name'),
            t('hangar.dashboard.triggers.on'),
            t('hangar.dashboard.column.type'),
            t('hangar.dashboard.schedules.status'),
            t('hangar.dashboard.triggers.lastFired'),
            canWrite && '',
          ],
          items.map((tr) =>
            h(
              'tr',
              { 'data-trigger': tr.name },
              h('th', { scope: 'row' }, tr.name),
              h('td', {}, event(tr.on)),
              h('td', {}, tr.job.type),
              h(
                'td',
                {},
                tr.paused ? t('hangar.dashboard.schedules.paused') : t('hangar.dashboard.schedules.active'),
              ),
              h('td', {}, formatTime(tr.lastFiredAt)),
              canWrite && h('td', { class: 'actions' }, button(tr, tr.paused ? 'resume' : 'pause')),
            ),
          ),
        ),
      );
    } catch (error) {
      report(status, error);
    }
  }
  void load();
  return section;
}

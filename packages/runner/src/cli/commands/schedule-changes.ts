import type {
  ScheduleDeleteResponse,
  ScheduleSaveResponse,
  ScheduleTriggerResponse,
  ScheduleView,
} from '../../http/view-schemas.js';
import { usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { intFlag, jsonFlag } from '../parse-command.js';
import { schedulesCommand } from './schedules.js';
import { type Subcommand, type SubcommandValues, subcommandGroup } from './subcommand-group.js';

const schedulePath = (name: string) => `/schedules/${encodeURIComponent(name)}`;
const text = (values: SubcommandValues, flag: string): string | undefined => {
  const value = values[flag];
  return typeof value === 'string' ? value : undefined;
};

const create: Subcommand = {
  name: 'create',
  summary: 'Create or replace a recurring schedule of your customer',
  args: ['<name>'],
  options: {
    cron: { type: 'string' },
    type: { type: 'string' },
    params: { type: 'string', short: 'p' },
    timezone: { type: 'string' },
    queue: { type: 'string' },
    priority: { type: 'string' },
    paused: { type: 'boolean' },
    system: { type: 'boolean' },
  },
  optionHelp: [
    '      --cron EXPR     Cron expression, 5 fields or 6 with seconds (required), e.g. "0 2 * * *"',
    '      --type TYPE     Job type of each run (required)',
    '  -p, --params JSON   Its parameters; default {}',
    '      --timezone TZ   IANA time zone of the cron; default UTC',
    '      --queue Q       Queue of each job',
    '      --priority N    Priority of each job (lower runs first)',
    '      --paused        Create it paused',
    '      --system        Admins only: a schedule of no customer',
  ],
  async run([name = ''], values, api, ctx) {
    const cron = text(values, 'cron');
    const type = text(values, 'type');
    if (!cron)
      throw usageError('hangar.cli.missingArgument', { name: '--cron', hint: 'e.g. --cron "0 2 * * *"' });
    if (!type)
      throw usageError('hangar.cli.missingArgument', {
        name: '--type',
        hint: 'a job type, e.g. --type conso.integration',
      });
    const priority = intFlag('--priority', text(values, 'priority'), -1_000_000);
    const queue = text(values, 'queue');
    const body = {
      cron,
      type,
      params: jsonFlag('--params', text(values, 'params')),
      timezone: text(values, 'timezone'),
      options: queue !== undefined || priority !== undefined ? { queue, priority } : undefined,
      paused: values.paused === true ? true : undefined,
      system: values.system === true ? true : undefined,
    };
    const res = await api.request<ScheduleSaveResponse>('PUT', schedulePath(name), { body });
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(
        ctx.t(
          res.created ? 'hangar.cli.scheduleCreated' : 'hangar.cli.scheduleReplaced',
          nextRun(res.schedule),
        ),
      );
    return EXIT.OK;
  },
};

function nextRun(schedule: ScheduleView): Record<string, string> {
  return { name: schedule.name, next: schedule.nextRunAt ?? '-' };
}

/** `pause` and `resume`: the schedule as it is now. */
function toggle(action: 'pause' | 'resume'): Subcommand {
  return {
    name: action,
    summary:
      action === 'pause'
        ? 'Stop a schedule from firing'
        : 'Fire a paused schedule again from its next cron time',
    args: ['<name>'],
    async run([name = ''], values, api, ctx) {
      const res = await api.request<ScheduleView>('POST', `${schedulePath(name)}/${action}`);
      if (values.json) ctx.out(JSON.stringify(res, null, 2));
      else
        ctx.out(
          ctx.t(
            action === 'pause' ? 'hangar.cli.schedulePaused' : 'hangar.cli.scheduleResumed',
            nextRun(res),
          ),
        );
      return EXIT.OK;
    },
  };
}

const trigger: Subcommand = {
  name: 'trigger',
  summary: 'Enqueue one job of a schedule now; prints the job id',
  args: ['<name>'],
  async run([name = ''], values, api, ctx) {
    const res = await api.request<ScheduleTriggerResponse>('POST', `${schedulePath(name)}/trigger`);
    ctx.out(values.json ? JSON.stringify(res, null, 2) : res.jobId);
    return EXIT.OK;
  },
};

const remove: Subcommand = {
  name: 'delete',
  summary: 'Delete a schedule (the jobs it enqueued stay)',
  args: ['<name>'],
  async run([name = ''], values, api, ctx) {
    const res = await api.request<ScheduleDeleteResponse>('DELETE', schedulePath(name));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t('hangar.cli.scheduleDeleted', { name: res.name }));
    return EXIT.OK;
  },
};

/** `hangar schedules` (the list) and `hangar schedules create|pause|resume|trigger|delete`. */
export const scheduleCommands = subcommandGroup(
  'schedules',
  'List recurring schedules, or create, pause, resume, trigger or delete one',
  [create, toggle('pause'), toggle('resume'), trigger, remove],
  schedulesCommand,
);

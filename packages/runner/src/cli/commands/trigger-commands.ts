import type { TriggerSaveResponse, TriggerView } from '../../http/trigger-schemas.js';
import { usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { formatTriggerTable } from '../format.js';
import { intFlag, jsonFlag, parseCommand } from '../parse-command.js';
import { REMOTE_HELP, REMOTE_OPTIONS, remoteClient } from '../remote-options.js';
import { type BuiltinCommand, printHelp } from './command.js';
import { type Subcommand, type SubcommandValues, subcommandGroup } from './subcommand-group.js';

const triggerPath = (name: string) => `/triggers/${encodeURIComponent(name)}`;
const text = (values: SubcommandValues, flag: string): string | undefined => {
  const value = values[flag];
  return typeof value === 'string' ? value : undefined;
};

/** `hangar triggers`: the list. */
const listTriggers: BuiltinCommand = {
  name: 'triggers',
  summary: 'List the event triggers',
  help: ['Usage: hangar triggers [options]', '', ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(listTriggers, ctx);
    if (positionals.length > 0)
      throw usageError('hangar.cli.usageError', { problem: `Unexpected argument "${positionals[0]}"` });
    const api = remoteClient(ctx, values);
    const { items } = await api.request<{ items: TriggerView[] }>('GET', '/triggers');
    if (values.json) ctx.out(JSON.stringify(items, null, 2));
    else if (items.length === 0) ctx.out(ctx.t('hangar.cli.noTriggers'));
    else for (const line of formatTriggerTable(items)) ctx.out(line);
    return EXIT.OK;
  },
};

/** `--meta key=value` flags as an object; `undefined` without any. */
function metadataOf(values: SubcommandValues): Record<string, string> | undefined {
  const given = values.meta;
  const pairs = Array.isArray(given) ? given : typeof given === 'string' ? [given] : [];
  if (pairs.length === 0) return undefined;
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw usageError('hangar.cli.usageError', {
        problem: `--meta "${pair}" is not KEY=VALUE, e.g. --meta workflow=month-end`,
      });
    }
    metadata[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return metadata;
}

const create: Subcommand = {
  name: 'create',
  summary: 'Create or replace an event trigger on your customer’s jobs',
  args: ['<name>'],
  options: {
    on: { type: 'string' },
    states: { type: 'string' },
    meta: { type: 'string', multiple: true },
    type: { type: 'string' },
    params: { type: 'string', short: 'p' },
    queue: { type: 'string' },
    priority: { type: 'string' },
    paused: { type: 'boolean' },
    system: { type: 'boolean' },
  },
  optionHelp: [
    '      --on TYPE        Job type whose ends fire it (required), e.g. conso.workflow',
    '      --states LIST    End states that fire it, comma-separated: Succeeded, Failed, Cancelled;',
    '                       default Succeeded',
    '      --meta K=V       Only jobs whose metadata has this value (repeatable), e.g. workflow=month-end',
    '      --type TYPE      Job type to enqueue (required)',
    '  -p, --params JSON    Its parameters; default {}',
    '      --queue Q        Queue of each job',
    '      --priority N     Priority of each job (lower runs first)',
    '      --paused         Create it paused',
    '      --system         Admins only: fire on every customer’s jobs (each job runs as the ended job’s customer)',
  ],
  async run([name = ''], values, api, ctx) {
    const on = text(values, 'on');
    const type = text(values, 'type');
    if (!on)
      throw usageError('hangar.cli.missingArgument', { name: '--on', hint: 'e.g. --on conso.workflow' });
    if (!type)
      throw usageError('hangar.cli.missingArgument', { name: '--type', hint: 'the job type to enqueue' });
    const states = (text(values, 'states') ?? 'Succeeded')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const metadata = metadataOf(values);
    const body = {
      on: { type: on, states, ...(metadata ? { metadata } : {}) },
      job: {
        type,
        params: jsonFlag('--params', text(values, 'params')),
        queue: text(values, 'queue'),
        priority: intFlag('--priority', text(values, 'priority'), -1_000_000),
      },
      paused: values.paused === true ? true : undefined,
      system: values.system === true ? true : undefined,
    };
    const res = await api.request<TriggerSaveResponse>('PUT', triggerPath(name), { body });
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t(res.created ? 'hangar.cli.triggerCreated' : 'hangar.cli.triggerReplaced', { name }));
    return EXIT.OK;
  },
};

/** `pause` and `resume`: the trigger as it is now. */
function toggle(action: 'pause' | 'resume'): Subcommand {
  return {
    name: action,
    summary:
      action === 'pause'
        ? 'Stop a trigger from firing'
        : 'Fire a paused trigger again on jobs that end from now on (ends while paused are not replayed)',
    args: ['<name>'],
    async run([name = ''], values, api, ctx) {
      const res = await api.request<TriggerView>('POST', `${triggerPath(name)}/${action}`);
      if (values.json) ctx.out(JSON.stringify(res, null, 2));
      else
        ctx.out(
          ctx.t(action === 'pause' ? 'hangar.cli.triggerPaused' : 'hangar.cli.triggerResumed', {
            name: res.name,
          }),
        );
      return EXIT.OK;
    },
  };
}

const remove: Subcommand = {
  name: 'delete',
  summary: 'Delete a trigger (the jobs it enqueued stay)',
  args: ['<name>'],
  async run([name = ''], values, api, ctx) {
    const res = await api.request<{ name: string; deleted: true }>('DELETE', triggerPath(name));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t('hangar.cli.triggerDeleted', { name: res.name }));
    return EXIT.OK;
  },
};

/** `hangar triggers` (the list) and `hangar triggers create|pause|resume|delete`. */
export const triggerCommands = subcommandGroup(
  'triggers',
  'List event triggers (jobs enqueued when other jobs end), or create, pause, resume or delete one',
  [create, toggle('pause'), toggle('resume'), remove],
  listTriggers,
);

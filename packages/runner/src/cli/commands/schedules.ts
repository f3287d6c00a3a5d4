import type { ScheduleView } from '../../http/view-schemas.js';
import { usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { formatScheduleTable } from '../format.js';
import { parseCommand } from '../parse-command.js';
import { REMOTE_HELP, REMOTE_OPTIONS, remoteClient } from '../remote-options.js';
import { type BuiltinCommand, printHelp } from './command.js';

/** `hangar schedules`. */
export const schedulesCommand: BuiltinCommand = {
  name: 'schedules',
  summary: 'List the recurring schedules with their next run',
  help: ['Usage: hangar schedules [options]', '', ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(schedulesCommand, ctx);
    if (positionals.length > 0)
      throw usageError('hangar.cli.usageError', { problem: `Unexpected argument "${positionals[0]}"` });
    const api = remoteClient(ctx, values);
    const { items } = await api.request<{ items: ScheduleView[] }>('GET', '/schedules');
    if (values.json) ctx.out(JSON.stringify(items, null, 2));
    else if (items.length === 0) ctx.out(ctx.t('hangar.cli.noSchedules'));
    else for (const line of formatScheduleTable(items)) ctx.out(line);
    return EXIT.OK;
  },
};

import type { JobPageView } from '../../http/view-schemas.js';
import { usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { formatJobTable } from '../format.js';
import { intFlag, parseCommand } from '../parse-command.js';
import { REMOTE_HELP, REMOTE_OPTIONS, remoteClient } from '../remote-options.js';
import { type BuiltinCommand, printHelp } from './command.js';

const OPTIONS = {
  ...REMOTE_OPTIONS,
  state: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  queue: { type: 'string', short: 'q' },
  limit: { type: 'string', short: 'n' },
  cursor: { type: 'string' },
} as const;

/** `hangar list [--state ...]`. */
export const listCommand: BuiltinCommand = {
  name: 'list',
  summary: 'List your jobs, newest first, filtered by state, type or queue',
  help: [
    'Usage: hangar list [--state STATE]... [--type TYPE]... [--queue NAME] [--limit N] [--cursor C] [options]',
    '',
    '      --state STATE   Scheduled, Awaiting, Enqueued, Processing, Succeeded, Failed or Cancelled',
    '                      (repeat it or separate with commas)',
    '      --type TYPE     Only this job type (repeatable)',
    '  -q, --queue NAME    Only this queue',
    '  -n, --limit N       Page size (server default 50)',
    '      --cursor C      The page after the one that printed this cursor',
    ...REMOTE_HELP,
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS);
    if (values.help) return printHelp(listCommand, ctx);
    if (positionals.length > 0) {
      throw usageError('hangar.cli.usageError', {
        problem: `Unexpected argument "${positionals[0]}"; filter with --state or --type`,
      });
    }
    const api = remoteClient(ctx, values);
    const page = await api.request<JobPageView>('GET', '/jobs', {
      query: {
        state: values.state,
        type: values.type,
        queue: values.queue,
        limit: intFlag('--limit', values.limit, 1),
        cursor: values.cursor,
      },
    });
    if (values.json) {
      ctx.out(JSON.stringify(page, null, 2));
      return EXIT.OK;
    }
    if (page.items.length === 0) ctx.out(ctx.t('hangar.cli.noJobs'));
    else for (const line of formatJobTable(page.items)) ctx.out(line);
    if (page.nextCursor) ctx.err(ctx.t('hangar.cli.morePages', { cursor: page.nextCursor }));
    return EXIT.OK;
  },
};

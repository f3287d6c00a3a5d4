import type { JobView } from '../../http/view-schemas.js';
import { usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { formatJob } from '../format.js';
import { parseCommand } from '../parse-command.js';
import { REMOTE_HELP, REMOTE_OPTIONS, remoteClient } from '../remote-options.js';
import { type BuiltinCommand, printHelp } from './command.js';

/** `hangar status <id>`. */
export const statusCommand: BuiltinCommand = {
  name: 'status',
  summary: 'Show a job: state, progress, messages, errors, result and files',
  help: ['Usage: hangar status <id> [options]', '', ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(statusCommand, ctx);
    const [id] = positionals;
    if (!id) throw usageError('hangar.cli.missingArgument', { name: '<id>', hint: 'hangar status <job id>' });
    const api = remoteClient(ctx, values);
    const job = await api.request<JobView>('GET', `/jobs/${encodeURIComponent(id)}`);
    if (values.json) ctx.out(JSON.stringify(job, null, 2));
    else for (const line of formatJob(job)) ctx.out(line);
    return EXIT.OK;
  },
};

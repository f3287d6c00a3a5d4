import type { CancelResponse } from '../../http/view-schemas.js';
import { usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { parseCommand } from '../parse-command.js';
import { REMOTE_HELP, REMOTE_OPTIONS, remoteClient } from '../remote-options.js';
import { type BuiltinCommand, printHelp } from './command.js';

/** `hangar cancel <id>`. */
export const cancelCommand: BuiltinCommand = {
  name: 'cancel',
  summary: 'Cancel a job: a waiting one never runs, a running one is stopped',
  help: ['Usage: hangar cancel <id> [options]', '', ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(cancelCommand, ctx);
    const [id] = positionals;
    if (!id) throw usageError('hangar.cli.missingArgument', { name: '<id>', hint: 'hangar cancel <job id>' });
    const api = remoteClient(ctx, values);
    const res = await api.request<CancelResponse>('POST', `/jobs/${encodeURIComponent(id)}/cancel`);
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t(`hangar.cli.cancelOutcome.${res.outcome}`, { jobId: res.id, state: res.job.state }));
    return EXIT.OK;
  },
};

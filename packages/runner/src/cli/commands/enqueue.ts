import type { JobState } from '@hangar/core';
import type { EnqueueResponse, JobView } from '../../http/view-schemas.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { EXIT } from '../exit-codes.js';
import { followJob } from '../follow-job.js';
import { formatLogEntry } from '../format.js';
import { intFlag, jsonFlag, parseCommand } from '../parse-command.js';
import { ProgressBar } from '../progress-bar.js';
import { REMOTE_HELP, REMOTE_OPTIONS, remoteClient } from '../remote-options.js';
import { type BuiltinCommand, printHelp } from './command.js';

const OPTIONS = {
  ...REMOTE_OPTIONS,
  params: { type: 'string', short: 'p' },
  wait: { type: 'boolean', short: 'w' },
  delay: { type: 'string' },
  priority: { type: 'string' },
  queue: { type: 'string', short: 'q' },
  'idempotency-key': { type: 'string' },
} as const;

/** Exit code of a finished job: 0 Succeeded, 1 Failed, 2 Cancelled. */
export function exitCodeOfState(state: JobState): number {
  return state === 'Succeeded' ? EXIT.OK : state === 'Cancelled' ? EXIT.CANCELLED : EXIT.FAILED;
}

/** `hangar enqueue <type> --params '<json>' [--wait]`. */
export const enqueueCommand: BuiltinCommand = {
  name: 'enqueue',
  summary: 'Enqueue a job on a running server; --wait follows it to the end',
  help: [
    "Usage: hangar enqueue <type> [--params '<json>'] [--wait] [options]",
    '',
    'Prints the job id. With --wait, shows a progress bar on stderr, prints the progress',
    'messages as they come, and exits 0 when the job Succeeded, 1 Failed, 2 Cancelled.',
    '',
    '  -p, --params JSON          Parameters of the job type (default {})',
    '  -w, --wait                 Follow the job until it ends',
    '      --delay MS             Run no earlier than MS milliseconds from now',
    '      --priority N           Lower runs first (default 0)',
    '  -q, --queue NAME           Queue (default: the job type’s)',
    '      --idempotency-key KEY  Enqueuing twice with the same key gives one job',
    ...REMOTE_HELP,
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS);
    if (values.help) return printHelp(enqueueCommand, ctx);
    const [type, ...extra] = positionals;
    if (!type)
      throw usageError('hangar.cli.missingArgument', {
        name: '<type>',
        hint: 'hangar enqueue math.add --params \'{"a":1}\'',
      });
    if (extra.length > 0)
      throw usageError('hangar.cli.usageError', {
        problem: `Unexpected argument "${extra[0]}"; put the parameters in --params`,
      });
    const params = jsonFlag('--params', values.params) ?? {};
    const options = {
      delayMs: intFlag('--delay', values.delay, 0),
      priority: intFlag('--priority', values.priority, Number.MIN_SAFE_INTEGER),
      queue: values.queue,
      idempotencyKey: values['idempotency-key'],
    };
    const api = remoteClient(ctx, values);
    const created = await api.request<EnqueueResponse>('POST', '/jobs', { body: { type, params, options } });
    if (!values.wait) {
      if (values.json) ctx.out(JSON.stringify(created, null, 2));
      else ctx.out(created.id);
      return EXIT.OK;
    }
    if (!values.json) ctx.out(ctx.t('hangar.cli.enqueued', { jobId: created.id, type }));
    return waitForJob(ctx, api, created.id, values.json === true);
  },
};

async function waitForJob(
  ctx: CliContext,
  api: ReturnType<typeof remoteClient>,
  jobId: string,
  json: boolean,
): Promise<number> {
  const bar = new ProgressBar(ctx.stderr);
  let job: JobView;
  try {
    job = await followJob(
      api,
      jobId,
      {
        onEntry(entry) {
          if (entry.level === 'progress' && entry.current !== undefined && entry.total !== undefined) {
            bar.update(entry.current, entry.total);
          }
          if (!json) bar.around(() => ctx.out(formatLogEntry(entry)));
        },
      },
      ctx.signal,
    );
  } catch (error) {
    bar.done();
    if (ctx.signal?.aborted) {
      ctx.err(ctx.t('hangar.cli.stoppedWaiting', { jobId }));
      return EXIT.INTERRUPTED;
    }
    throw error;
  }
  bar.done();
  if (json) {
    ctx.out(JSON.stringify(job, null, 2));
    return exitCodeOfState(job.state);
  }
  if (job.state === 'Succeeded') {
    ctx.out(ctx.t('hangar.cli.succeeded', { jobId }));
    if (job.result !== null && job.result !== undefined) ctx.out(JSON.stringify(job.result, null, 2));
    for (const file of job.outputFiles) ctx.out(`${file.name}  ${file.url}`);
  } else if (job.state === 'Cancelled') {
    ctx.err(ctx.t('hangar.cli.cancelledJob', { jobId }));
  } else {
    ctx.err(ctx.t('hangar.cli.failed', { jobId }));
    for (const e of job.errors) ctx.err(`  ${e.code}: ${e.text}`);
  }
  return exitCodeOfState(job.state);
}

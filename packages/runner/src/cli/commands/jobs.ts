import type { DeleteResponse, RetryResponse } from '../../http/view-schemas.js';
import { EXIT } from '../exit-codes.js';
import { type Subcommand, subcommandGroup } from './subcommand-group.js';

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;

const retry: Subcommand = {
  name: 'retry',
  summary: 'Run a Failed or Cancelled job again (same id, fresh attempts, its log kept)',
  args: ['<id>'],
  async run([id = ''], values, api, ctx) {
    const res = await api.request<RetryResponse>('POST', `${jobPath(id)}/retry`);
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(
        ctx.t('hangar.cli.jobRetried', {
          jobId: res.id,
          state: res.job.state,
          maxAttempts: res.job.maxAttempts,
        }),
      );
    return EXIT.OK;
  },
};

const remove: Subcommand = {
  name: 'delete',
  summary: 'Delete a finished job with its log',
  args: ['<id>'],
  async run([id = ''], values, api, ctx) {
    const res = await api.request<DeleteResponse>('DELETE', jobPath(id));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t('hangar.cli.jobDeleted', { jobId: res.id }));
    return EXIT.OK;
  },
};

/** `hangar jobs retry <id>` and `hangar jobs delete <id>`. */
export const jobsCommand = subcommandGroup('jobs', 'Retry or delete a job by hand', [retry, remove]);

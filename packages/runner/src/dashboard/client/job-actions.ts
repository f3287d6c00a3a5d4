import type { ApiClient } from './api-client.js';

/** What the page can do to a job; the server checks the role and the tenant of each call. */
export type JobAction = 'cancel' | 'retry' | 'delete';

/** Sends one action for one job. */
export function runJobAction(api: ApiClient, action: JobAction, id: string): Promise<unknown> {
  const path = `jobs/${encodeURIComponent(id)}`;
  return action === 'delete' ? api.json('DELETE', path) : api.json('POST', `${path}/${action}`);
}

/** Sends one action for each job, one after the other; counts what was done and what was refused. */
export async function runBulkAction(
  api: ApiClient,
  action: JobAction,
  ids: readonly string[],
): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      await runJobAction(api, action, id);
      ok += 1;
    } catch {
      failed += 1;
    }
  }
  return { ok, failed };
}

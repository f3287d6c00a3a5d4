import { describe, expect, it, vi } from 'vitest';
import type { JobRecord } from '../queue/job-record.js';
import { isTerminalState } from '../state/job-state.js';
import { type ContractScope, sleep, testJob, testWorker } from './contract-harness.js';

const W1 = testWorker('worker-1');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };
const anError = [{ code: 'BOOM', key: 'test.boom', params: {}, severity: 'error' as const }];

/** How a job's state changes read back: the record seen on hearing of a change, and every state pair. */
export function defineTransitionsContract(s: ContractScope): void {
  describe('state changes', () => {
    it('reads a finished job, on hearing that it finished, as every later read returns it', async () => {
      // A waiter (the client's `waitFor`) reads the job as soon as it hears of its final state;
      // that read must already hold the whole final record (finishedAt, result, errors).
      const early = new Map<string, Promise<JobRecord | undefined>>();
      const listen = (reader: ContractScope['a']) =>
        reader.subscribe((c) => {
          if (c.kind === 'state' && c.state && isTerminalState(c.state)) {
            early.set(`${c.jobId} ${c.state} ${reader === s.a ? 'a' : 'b'}`, reader.get(c.jobId));
          }
        });
      const offs = [await listen(s.a), await listen(s.b)];
      const done = await s.a.enqueue(testJob());
      const failed = await s.a.enqueue(testJob({ maxAttempts: 1 }));
      const child = await s.a.enqueue(testJob({ parentId: failed.id }));
      const stopped = await s.a.enqueue(testJob());
      const queued = await s.a.enqueue(testJob({ queue: 'idle' }));
      const lost = await s.a.enqueue(testJob({ queue: 'short', maxAttempts: 1 }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.claim({ ...claimAll, queues: ['short'], leaseMs: 100, worker: W1 });
      await s.a.complete(done.id, W1.id, { success: true, result: { total: 3 } });
      await s.a.fail(failed.id, W1.id, { errorInfo: anError });
      expect(await s.a.requestCancel(stopped.id)).toBe('requested');
      await s.a.markCancelled(stopped.id, W1.id, { success: false });
      expect(await s.a.requestCancel(queued.id)).toBe('cancelled');
      await sleep(200);
      expect(await s.a.recoverExpiredLeases()).toEqual([lost.id]);
      const ids = [done.id, failed.id, child.id, stopped.id, queued.id, lost.id];
      await vi.waitFor(() => expect(early.size).toBe(ids.length * 2), { timeout: 2000, interval: 10 });
      for (const [key, read] of early) {
        const [id] = key.split(' ');
        const seen = await read;
        expect(seen?.finishedAt, key).toBeInstanceOf(Date);
        expect(seen, key).toEqual(await s.a.get(id as string));
      }
      for (const off of offs) await off();
    });
  });
}

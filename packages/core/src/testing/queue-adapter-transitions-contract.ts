import { describe, expect, it, vi } from 'vitest';
import type { JobRecord } from '../queue/job-record.js';
import type { QueueAdapter } from '../queue/queue-adapter.js';
import { canTransition, isTerminalState, JOB_STATES, type JobState } from '../state/job-state.js';
import { anError, type ContractScope, claimAll, sleep, testJob, W1 } from './contract-harness.js';

/** A Scheduled job the walk claims is due this long after it was enqueued. */
const DUE_MS = 250;
/** A Scheduled job the walk does not claim is due this long after it was enqueued. */
const LATER_MS = 3_600_000;
/** The lease of the job whose lease the walk lets expire. */
const SHORT_LEASE_MS = 150;

/** One way the adapter API moves a job, the state it moves it to, and the states it acts on. */
interface Move {
  name: string;
  to: JobState;
  /** The states this call moves a job out of; in every other state it must leave the job as it is. */
  from: readonly JobState[];
  /** States in which the call records a request (`cancelRequested`) instead of moving the job. */
  asksIn?: readonly JobState[];
  /** A lease of the Processing job short enough to expire before the call. */
  shortLease?: boolean;
  /** A Scheduled job due before the call (others stay Scheduled: a claim may promote due ones). */
  dueScheduled?: boolean;
  /** Makes the call; returns what it says about having moved the job, when it says it. */
  run(adapter: QueueAdapter, id: string, queue: string): Promise<boolean | undefined>;
}

const MOVES: readonly Move[] = [
  {
    name: 'claim',
    to: 'Processing',
    // Scheduled first: any claim may promote a due Scheduled job of another queue to Enqueued
    from: ['Scheduled', 'Enqueued'],
    dueScheduled: true,
    run: async (q, id, queue) =>
      (await q.claim({ ...claimAll, queues: [queue], worker: W1 })).some((j) => j.id === id),
  },
  {
    name: 'complete',
    to: 'Succeeded',
    from: ['Processing'],
    run: (q, id) => q.complete(id, W1.id, { success: true }),
  },
  {
    name: 'fail',
    to: 'Failed',
    from: ['Processing'],
    run: (q, id) => q.fail(id, W1.id, { errorInfo: anError }),
  },
  {
    name: 'fail with a retry',
    to: 'Scheduled',
    from: ['Processing'],
    run: (q, id) => q.fail(id, W1.id, { errorInfo: anError, retryAt: new Date(Date.now() + 3_600_000) }),
  },
  { name: 'release', to: 'Enqueued', from: ['Processing'], run: (q, id) => q.release(id, W1.id) },
  {
    name: 'markCancelled',
    to: 'Cancelled',
    from: ['Processing'],
    run: (q, id) => q.markCancelled(id, W1.id, { success: false }),
  },
  {
    // a running job is only asked to stop (`requested`); its worker ends it with markCancelled
    name: 'requestCancel',
    to: 'Cancelled',
    from: ['Scheduled', 'Awaiting', 'Enqueued'],
    asksIn: ['Processing'],
    run: async (q, id) => (await q.requestCancel(id)) === 'cancelled',
  },
  {
    name: 'recoverExpiredLeases',
    to: 'Enqueued',
    from: ['Processing'],
    shortLease: true,
    run: async (q, id) => (await q.recoverExpiredLeases()).includes(id),
  },
];

/** Puts a new job of `queue` in `state` through the adapter's own API, ready for `move`; returns its id. */
async function jobIn(adapter: QueueAdapter, state: JobState, queue: string, move: Move): Promise<string> {
  const enqueue = async (extra: Parameters<typeof testJob>[0] = {}) =>
    (await adapter.enqueue(testJob({ queue, ...extra }))).id;
  if (state === 'Scheduled') {
    return enqueue({ runAt: new Date(Date.now() + (move.dueScheduled ? DUE_MS : LATER_MS)) });
  }
  if (state === 'Awaiting') return enqueue({ parentId: await enqueue({ queue: `${queue}-parent` }) });
  const id = await enqueue();
  if (state === 'Enqueued') return id;
  if (state === 'Cancelled') {
    await adapter.requestCancel(id);
    return id;
  }
  const leaseMs = move.shortLease ? SHORT_LEASE_MS : claimAll.leaseMs;
  await adapter.claim({ ...claimAll, queues: [queue], leaseMs, worker: W1 });
  if (state === 'Succeeded') await adapter.complete(id, W1.id, { success: true });
  if (state === 'Failed') await adapter.fail(id, W1.id, { errorInfo: anError });
  return id;
}

/**
 * How jobs change state: the record a subscriber reads on hearing of a change, and every
 * (state, call) pair of the adapter API walked against `JOB_TRANSITIONS`.
 */
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

    it('moves a job from each state exactly as JOB_TRANSITIONS allows, and leaves it as it is otherwise', async () => {
      for (const move of MOVES) {
        for (const from of move.from)
          expect(canTransition(from, move.to), `${move.name} from ${from}`).toBe(true);
      }
      const cases: Array<{ move: Move; from: JobState; id: string; queue: string }> = [];
      for (const [m, move] of MOVES.entries()) {
        // the states a call moves come first: a call acting on every job (recoverExpiredLeases)
        // moves its job in the first case, and must leave it alone in the others
        const states = [...move.from, ...JOB_STATES.filter((state) => !move.from.includes(state))];
        for (const from of states) cases.push({ move, from, id: '', queue: `walk-${m}-${from}` });
      }
      // due Scheduled jobs last, so that no claim of the setup promotes them before their case
      const dueLast = (c: (typeof cases)[number]) => (c.move.dueScheduled && c.from === 'Scheduled' ? 1 : 0);
      for (const c of [...cases].sort((x, y) => dueLast(x) - dueLast(y))) {
        c.id = await jobIn(s.a, c.from, c.queue, c.move);
        expect((await s.b.get(c.id))?.state, `a job put in ${c.from}`).toBe(c.from);
      }
      await sleep(Math.max(DUE_MS, SHORT_LEASE_MS) + 50);
      for (const { move, from, id, queue } of cases) {
        const case_ = `${move.name} from ${from}`;
        const before = await s.a.get(id);
        expect(before?.state, `${case_}: the job is still ${from}`).toBe(from);
        const said = await move.run(s.a, id, queue);
        const after = await s.b.get(id);
        const moves = move.from.includes(from);
        expect(after?.state, case_).toBe(moves ? move.to : from);
        expect(said, case_).toBe(moves);
        if (move.asksIn?.includes(from)) expect(after?.cancelRequested, case_).toBe(true);
        else if (!moves) expect(after, case_).toEqual(before);
      }
    });
  });
}

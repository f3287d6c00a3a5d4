import { type ClaimRequest, isWakeUp, type JobRecord, type QueueChange } from '@hangar/core';
import type { ClaimReply } from './claim-reply.js';

/**
 * Runs the claim script for `request`: `unwait` names a wait to end first ('' for none), then
 * `next` says what follows: claim and wait (ms, token) when nothing is found, claim only
 * (undefined), or nothing ('end').
 */
export type RunClaim = (
  request: ClaimRequest,
  unwait: string,
  next?: { ms: number; token: string } | 'end',
) => Promise<ClaimReply>;

/** What the waits need from their queue. */
export interface ClaimWaitsDeps {
  /** Longest wait, in ms. */
  waitMs: number;
  /** This queue instance's hand-over channel id; tokens start with it. */
  channel: string;
  /** Runs the claim script. */
  run: RunClaim;
  /** Reads a handed-over claim reply. */
  decode: (reply: string, request: ClaimRequest) => JobRecord[];
  /** Hands jobs back without using up their attempt (a wait ended by `close`). */
  release: (request: ClaimRequest, jobs: JobRecord[]) => Promise<void>;
}

interface Pending {
  token: string;
  request: ClaimRequest;
  queues: ReadonlySet<string>;
  /** registering: the claim that registers is on its way; ending: the one that unregisters is. */
  state: 'registering' | 'waiting' | 'ending';
  timer?: NodeJS.Timeout;
  resolve: (jobs: JobRecord[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Claims that found nothing and wait, in Redis, for an enqueue to claim jobs for them: the
 * enqueue's hand-over message resolves them, one round trip after the enqueue instead of two
 * (message, then claim). When a job of its queues becomes runnable another way (a change event),
 * a wait ends with a claim; at the next scheduled run-at, after `waitMs` and on close it only
 * ends, so a claim never returns a job that was not runnable while it was made. Either way the
 * ending collects a hand-over whose message was lost. Only a claim in progress waits, so a job is
 * never taken for a claimer that did not ask.
 */
export class ClaimWaits {
  private readonly pending = new Map<string, Pending>();
  /** Claim script calls on their way (registering or ending a wait). */
  private readonly ending = new Set<Promise<void>>();
  private seq = 0;
  private closed = false;

  constructor(private readonly deps: ClaimWaitsDeps) {}

  /** Claims, waiting for jobs when there are none. */
  claim(request: ClaimRequest): Promise<JobRecord[]> {
    const token = `${this.deps.channel}:${++this.seq}`;
    return new Promise<JobRecord[]>((resolve, reject) => {
      const p: Pending = {
        token,
        request,
        queues: new Set(request.queues),
        state: 'registering',
        resolve,
        reject,
      };
      this.pending.set(token, p);
      // tracked, so that close() waits for it and ends the wait it may register
      this.track(
        this.deps.run(request, '', { ms: this.deps.waitMs, token }).then(
          (reply) => this.registered(p, reply),
          (error: unknown) => {
            // a hand-over may have answered the claim already
            if (this.pending.get(token) !== p) return;
            this.pending.delete(token);
            reject(error);
          },
        ),
      );
    });
  }

  /** A hand-over message: the token, a line break, then the claim reply. */
  onPush(message: string): void {
    const cut = message.indexOf('\n');
    const p = this.pending.get(message.slice(0, cut));
    // the claim that registered found nothing, or the enqueue would not have served it: a
    // hand-over arriving before that claim's reply needs no wait for it. A wait that is ending
    // collects the jobs with its last claim instead.
    if (p && p.state !== 'ending') this.handOver(p, message.slice(cut + 1));
  }

  /** A job of a waiting claim's queues became runnable without being handed to it: claim now. */
  onChange(change: QueueChange): void {
    if (this.pending.size === 0) return;
    if (!isWakeUp(change)) return;
    for (const p of this.pending.values()) {
      if (p.state === 'waiting' && (change.queue === undefined || p.queues.has(change.queue)))
        this.end(p, true);
    }
  }

  /** Ends every wait (once the claims registering one are back); jobs found are handed back. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.values()) if (p.state === 'waiting') this.end(p, false);
    while (this.ending.size > 0) await Promise.all([...this.ending]);
  }

  private registered(p: Pending, reply: ClaimReply): void {
    if (this.pending.get(p.token) !== p) return;
    if (!reply.waiting) {
      this.pending.delete(p.token);
      p.resolve(reply.jobs);
      return;
    }
    p.state = 'waiting';
    if (this.closed) {
      this.end(p, false);
      return;
    }
    const { nextRunAt, now } = reply.waiting;
    const ms = nextRunAt === undefined ? this.deps.waitMs : Math.min(this.deps.waitMs, nextRunAt - now);
    p.timer = setTimeout(() => this.end(p, false), Math.max(0, ms));
    p.timer.unref();
  }

  private handOver(p: Pending, reply: string): void {
    this.pending.delete(p.token);
    clearTimeout(p.timer);
    const jobs = this.deps.decode(reply, p.request);
    if (this.closed) this.track(this.deps.release(p.request, jobs).then(() => p.resolve([]), p.reject));
    else p.resolve(jobs);
  }

  private end(p: Pending, claim: boolean): void {
    p.state = 'ending';
    clearTimeout(p.timer);
    this.track(
      this.deps.run(p.request, p.token, claim ? undefined : 'end').then(
        async (reply) => {
          this.pending.delete(p.token);
          if (!this.closed) return p.resolve(reply.jobs);
          await this.deps.release(p.request, reply.jobs);
          p.resolve([]);
        },
        (error: unknown) => {
          this.pending.delete(p.token);
          p.reject(error);
        },
      ),
    );
  }

  private track(promise: Promise<void>): void {
    const tracked = promise.finally(() => this.ending.delete(tracked));
    this.ending.add(tracked);
  }
}

/**
 * Batches of completions sent at once: two keep both the database and this process busy, one
 * statement filling while the other runs.
 */
const COMPLETES_IN_FLIGHT = 2;
/** Most completions sent in one statement. */
const MAX_COMPLETE_BATCH = 500;

/** One completion as the batch statement takes it. */
export interface Completion {
  /** Job id, as the database prints it. */
  id: string;
  /** Worker that must still hold the job. */
  workerId: string;
  /** The job's result, JSON-encoded. */
  result: string;
}

/** Sends one batch; resolves with the ids it completed. */
export type SendCompletions = (batch: readonly Completion[]) => Promise<readonly string[]>;

interface PendingCompletion extends Completion {
  resolve(done: boolean): void;
  reject(err: unknown): void;
}

/**
 * Coalesces `complete` calls into few statements. A worker finishing a batch of short jobs
 * completes them all within one turn of the event loop, and one statement for all of them
 * costs the database about as much as one for a single job: the batch is sent once the turn is
 * over, and while `COMPLETES_IN_FLIGHT` statements run, later completions wait for the next.
 */
export class CompletionBatcher {
  private waiting: PendingCompletion[] = [];
  private inFlight = 0;
  private readonly runs = new Set<Promise<void>>();
  private flushScheduled = false;

  constructor(private readonly send: SendCompletions) {}

  /** Queues one completion; resolves with whether the job was completed by it. */
  add(completion: Completion): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.waiting.push({ ...completion, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    });
  }

  /** Sends everything waiting and resolves once every statement has ended. */
  async drain(): Promise<void> {
    this.flush();
    while (this.runs.size > 0) await Promise.all([...this.runs]);
  }

  /**
   * A job that appears twice waits for the next statement, so only its first completion
   * succeeds (in two concurrent statements, the second waits for the row and then finds it
   * finished).
   */
  private flush(): void {
    if (this.inFlight >= COMPLETES_IN_FLIGHT || this.waiting.length === 0) return;
    const batch: PendingCompletion[] = [];
    const later: PendingCompletion[] = [];
    const ids = new Set<string>();
    for (const c of this.waiting) {
      if (ids.has(c.id) || batch.length >= MAX_COMPLETE_BATCH) later.push(c);
      else {
        ids.add(c.id);
        batch.push(c);
      }
    }
    this.waiting = later;
    this.inFlight += 1;
    const run: Promise<void> = this.send(batch)
      .then(
        (completed) => {
          const done = new Set(completed);
          for (const c of batch) c.resolve(done.has(c.id));
        },
        (err: unknown) => {
          for (const c of batch) c.reject(err);
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        this.runs.delete(run);
        this.flush();
      });
    this.runs.add(run);
  }
}

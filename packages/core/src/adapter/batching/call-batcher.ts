/** How a `CallBatcher` sends and groups its calls. */
export interface CallBatcherOptions<T, R> {
  /** Sends one batch; resolves with one result per item, in the batch's order. */
  send(batch: readonly T[]): Promise<readonly R[]>;
  /** Most items in one batch. */
  maxBatch: number;
  /** Batches on their way at once; later items wait and go out together in the next one. */
  maxInFlight: number;
  /** Runs the first flush of a burst later in this turn (`process.nextTick`) or after it (`setImmediate`). */
  defer(flush: () => void): void;
  /**
   * Items with equal keys never share a batch: a later one waits for the next, so a statement
   * that would apply both to one row applies them one after the other.
   */
  key?(item: T): string;
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Coalesces many small calls to a store into few batch calls. A worker ending a batch of short
 * jobs makes its calls within one burst, and one statement or script call for all of them costs
 * the store about as much as one for a single item.
 *
 * @example
 * const completions = new CallBatcher<Completion, boolean>({
 *   send: (batch) => store.completeMany(batch), // one round trip for the whole batch
 *   maxBatch: 500,
 *   maxInFlight: 2,
 *   defer: (flush) => setImmediate(flush),
 *   key: (c) => c.jobId, // two completions of one job never share a statement
 * });
 * const ok = await completions.add({ jobId, workerId, result });
 */
export class CallBatcher<T, R> {
  private waiting: Pending<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly runs = new Set<Promise<void>>();

  constructor(private readonly options: CallBatcherOptions<T, R>) {}

  /** Queues one call; resolves with its result from the batch it went out in. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.options.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        this.options.defer(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Sends everything waiting and resolves once every batch has ended. */
  async drain(): Promise<void> {
    this.flush();
    while (this.runs.size > 0) await Promise.all([...this.runs]);
  }

  private flush(): void {
    const { maxBatch, maxInFlight, key } = this.options;
    if (this.inFlight >= maxInFlight || this.waiting.length === 0) return;
    let batch: Pending<T, R>[];
    if (key) {
      batch = [];
      const later: Pending<T, R>[] = [];
      const keys = new Set<string>();
      for (const p of this.waiting) {
        const k = key(p.item);
        if (keys.has(k) || batch.length >= maxBatch) later.push(p);
        else {
          keys.add(k);
          batch.push(p);
        }
      }
      this.waiting = later;
    } else {
      batch = this.waiting.splice(0, maxBatch);
    }
    this.inFlight += 1;
    const run: Promise<void> = this.options
      .send(batch.map((p) => p.item))
      .then(
        (results) => {
          for (const [i, p] of batch.entries()) p.resolve(results[i] as R);
        },
        (error: unknown) => {
          for (const p of batch) p.reject(error);
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

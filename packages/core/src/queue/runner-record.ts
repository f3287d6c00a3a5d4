/** What a runner says of itself while it is alive, so that others know which queues are served. */
export interface RunnerInfo {
  /** The runner's worker id (unique per runner process). */
  id: string;
  /** Host name. */
  host: string;
  /** Process id. */
  pid: number;
  /** Queues it serves, with how many jobs it runs at once on each. */
  queues: Readonly<Record<string, number>>;
  /** Job types it runs. */
  types: readonly string[];
  /** When it started. */
  startedAt: Date;
}

/** A runner's advertisement as stored: alive until `expiresAt` unless advertised again. */
export interface RunnerRecord extends RunnerInfo {
  /** When it last advertised itself (the backend's clock). */
  seenAt: Date;
  /** When the record lapses (the backend's clock). */
  expiresAt: Date;
}

/** Enqueued jobs of one queue: runnable now and waiting for a worker. */
export interface QueueDepth {
  /** Queue name. */
  queue: string;
  /** How many Enqueued jobs it holds (more than 0). */
  waiting: number;
  /** The earliest run-at among them: since when the longest-waiting one could have run. */
  oldestRunAt: Date;
}

import type { QueueDepth, RunnerInfo, RunnerRecord } from '@hangar/core';
import type { RowsQuery } from './retry-delete-sql.js';
import type { SchemaNames } from './schema-names.js';

/** Schema version 5: the table of runner advertisements. */
export function runnerTableSql(n: SchemaNames): string {
  return `
CREATE TABLE ${n.runner} (
  id         text PRIMARY KEY,
  info       jsonb NOT NULL,
  seen_at    timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
`;
}

interface RunnerRow {
  id: string;
  info: { host: string; pid: number; queues: Record<string, number>; types: string[]; startedAt: string };
  seen_at: Date;
  expires_at: Date;
}

/** Runner advertisements and queue depths on PostgreSQL; times come from the server's clock. */
export class PostgresRunners {
  constructor(
    private readonly rows: RowsQuery,
    private readonly n: SchemaNames,
  ) {}

  /** Stores or refreshes an advertisement until `ttlMs` from now. */
  async advertise(info: RunnerInfo, ttlMs: number): Promise<void> {
    const { id, host, pid, queues, types, startedAt } = info;
    await this.rows(
      `INSERT INTO ${this.n.runner} (id, info, seen_at, expires_at)
       VALUES ($1, $2::jsonb, now(), now() + $3 * interval '1 millisecond')
       ON CONFLICT (id) DO UPDATE SET info = EXCLUDED.info, seen_at = EXCLUDED.seen_at, expires_at = EXCLUDED.expires_at`,
      [
        id,
        JSON.stringify({ host, pid, queues, types, startedAt: startedAt.toISOString() }),
        Math.ceil(ttlMs),
      ],
    );
  }

  /** Removes an advertisement. */
  async withdraw(id: string): Promise<void> {
    await this.rows(`DELETE FROM ${this.n.runner} WHERE id = $1`, [id]);
  }

  /** The advertisements that have not lapsed, by id; lapsed ones are deleted on the way. */
  async list(): Promise<RunnerRecord[]> {
    const rows = await this.rows<RunnerRow>(
      `WITH lapsed AS (DELETE FROM ${this.n.runner} WHERE expires_at <= now())
       SELECT id, info, seen_at, expires_at FROM ${this.n.runner} WHERE expires_at > now() ORDER BY id COLLATE "C"`,
      [],
    );
    return rows.map((r) => ({
      id: r.id,
      host: r.info.host,
      pid: r.info.pid,
      queues: r.info.queues,
      types: r.info.types,
      startedAt: new Date(r.info.startedAt),
      seenAt: new Date(r.seen_at),
      expiresAt: new Date(r.expires_at),
    }));
  }

  /** Enqueued jobs per queue. */
  async queueDepths(): Promise<QueueDepth[]> {
    const rows = await this.rows<{ queue: string; waiting: number; oldest: Date }>(
      `SELECT queue, count(*)::integer AS waiting, min(run_at) AS oldest FROM ${this.n.job}
        WHERE state = 'Enqueued' GROUP BY queue ORDER BY queue COLLATE "C"`,
      [],
    );
    return rows.map((r) => ({ queue: r.queue, waiting: r.waiting, oldestRunAt: new Date(r.oldest) }));
  }
}

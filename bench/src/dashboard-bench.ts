import { performance } from 'node:perf_hooks';
import { createClient } from '@hangar/runner';
import { createHttpServer } from '@hangar/runner/http';
import { PostgresQueue } from '@hangar/runner/postgres';
import pg from 'pg';
import { dropSchema } from './postgres-peers.js';
import { percentile } from './report.js';

const SCHEMA = 'bench_dashboard';
const TOKEN = 'bench-dashboard-viewer-token';
const CUSTOMERS = 20;
const USERS = 10;
const TYPES = 12;
const QUEUES = 4;

/** Sizes of the dashboard benchmark. */
export interface DashboardBenchSizes {
  /** Finished jobs in the queue. */
  jobs: number;
  /** Measured requests per scenario (after 5 unmeasured ones). */
  samples: number;
  /** Pages followed from the first one to reach the deep page. */
  deepPages: number;
}

/** One measured request. */
export interface DashboardBenchRow {
  readonly scenario: string;
  readonly request: string;
  readonly items: number;
  readonly p50: number;
  readonly p95: number;
}

/** What the dashboard benchmark measured. */
export interface DashboardBenchResult {
  readonly jobs: number;
  readonly fillMs: number;
  /** Share of the job table's pages marked all-visible when the requests were timed. */
  readonly allVisible: number;
  readonly rows: DashboardBenchRow[];
}

/**
 * Fills a fresh schema with `jobs` finished jobs in one set-based statement (the adapter's own
 * table, as migrated, vacuumed until its pages are all-visible as autovacuum leaves them: 20 customers, 10 users each, 12 types, one of them rare, 4 queues; 90 %
 * Succeeded, 8 % Failed, 2 % Cancelled), then times the dashboard's requests through the real
 * HTTP API with a bearer token: the jobs page's list under each filter, a page far down the
 * list, a job's children, and the overview's counts (counted afresh on every call: no cache).
 */
export async function benchDashboard(
  pgUrl: string,
  sizes: DashboardBenchSizes,
): Promise<DashboardBenchResult> {
  await dropSchema(pgUrl, SCHEMA);
  const queue = new PostgresQueue({ connectionString: pgUrl, schema: SCHEMA, countCacheMs: 0 });
  await queue.migrate();
  const { fillMs, allVisible } = await fill(pgUrl, sizes.jobs);
  const client = createClient({ queue });
  const app = createHttpServer({
    client,
    auth: { tokens: [{ token: TOKEN, customerId: 'customer-07', userId: 'bench', roles: ['viewer'] }] },
    dashboard: true,
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    const base = `http://127.0.0.1:${address.port}`;
    const get = async (path: string) => {
      const response = await fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { items?: unknown[]; nextCursor?: string | null };
    };
    // The deep page stays within the first half of the customer's jobs, so it has a next page.
    const deepPages = Math.max(1, Math.min(sizes.deepPages, Math.floor(sizes.jobs / CUSTOMERS / 50 / 2)));
    let cursor: string | null | undefined;
    for (let page = 0; page < deepPages; page += 1) {
      cursor = (await get(`/jobs?limit=50${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
      if (!cursor) throw new Error(`the customer's jobs end before page ${page + 2}`);
    }
    const parent = await firstJobId(pgUrl);
    const scenarios: Array<[string, string]> = [
      ['newest jobs of the customer', '/jobs?limit=50'],
      [`page ${deepPages + 1} (cursor)`, `/jobs?limit=50&cursor=${cursor ?? ''}`],
      ['state Failed (8 %)', '/jobs?limit=50&state=Failed'],
      ['state Cancelled (2 %)', '/jobs?limit=50&state=Cancelled'],
      ['state Enqueued (none)', '/jobs?limit=50&state=Enqueued'],
      ['type, common', '/jobs?limit=50&type=bench.type-3'],
      ['type, rare (1 in 5,000 of the customer’s)', '/jobs?limit=50&type=bench.rare'],
      ['queue', '/jobs?limit=50&queue=queue-2'],
      ['user', '/jobs?limit=50&userId=user-7-4'],
      ['user and state Failed', '/jobs?limit=50&userId=user-7-4&state=Failed'],
      ['type and queue', '/jobs?limit=50&type=bench.type-5&queue=queue-1'],
      ['children of a job', `/jobs?limit=50&parentId=${parent}`],
      ['overview counts', '/dashboard/api/overview'],
    ];
    const rows: DashboardBenchRow[] = [];
    for (const [scenario, request] of scenarios) {
      let items = 0;
      for (let i = 0; i < 5; i += 1) items = (await get(request)).items?.length ?? 0;
      const times: number[] = [];
      for (let i = 0; i < sizes.samples; i += 1) {
        const t0 = performance.now();
        await get(request);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const shown = request.replace(/cursor=[^&]+/, 'cursor=…');
      rows.push({ scenario, request: shown, items, p50: percentile(times, 50), p95: percentile(times, 95) });
    }
    return { jobs: sizes.jobs, fillMs, allVisible, rows };
  } finally {
    await app.close();
    await queue.close();
    await dropSchema(pgUrl, SCHEMA);
  }
}

/**
 * One INSERT … SELECT generate_series into the migrated job table, with every column a finished
 * job of the adapter has, then VACUUM ANALYZE as autovacuum would do after such a load. Every
 * 500th job is the child of one enqueued 20 before it, so children are found among millions.
 */
async function fill(pgUrl: string, jobs: number): Promise<{ fillMs: number; allVisible: number }> {
  const db = new pg.Client({ connectionString: pgUrl });
  await db.connect();
  try {
    const t0 = performance.now();
    // Ids are given here (the sequence is moved past them after) so that a child can name its
    // parent, the job enqueued 20 before it: the same customer.
    const { rows } = await db.query<{ base: string }>(`SELECT nextval('${SCHEMA}.job_id_seq')::text AS base`);
    const base = rows[0]?.base ?? '1';
    // h spreads states, types, queues and users independently of the customer (g % 20).
    await db.query(
      `INSERT INTO ${SCHEMA}.job (id, type, queue, state, priority, run_at, attempts, max_attempts, params,
         customer_id, user_id, parent_id, worker_id, worker_host, worker_pid, result, error_info,
         created_at, updated_at, started_at, finished_at)
       SELECT $6::bigint + g,
              CASE WHEN g % 100000 = 7 THEN 'bench.rare' ELSE 'bench.type-' || ((t.h / 100) % $2) END,
              'queue-' || ((t.h / 1200) % $3),
              s.state, 0, t.at, 1, 3, jsonb_build_object('n', g),
              'customer-' || lpad((g % $4)::text, 2, '0'),
              'user-' || (g % $4) || '-' || ((t.h / 4800) % $5),
              CASE WHEN g % 500 = 7 AND g > 20 THEN $6::bigint + g - 20 END,
              'bench-worker', 'bench-host', 1,
              CASE s.state WHEN 'Succeeded' THEN '{"success": true}'::jsonb ELSE '{"success": false}'::jsonb END,
              CASE s.state WHEN 'Failed'
                THEN '[{"code": "BENCH", "key": "bench.failed", "params": {}, "severity": "error"}]'::jsonb END,
              t.at, t.at + interval '2 seconds', t.at + interval '1 second', t.at + interval '2 seconds'
         FROM generate_series(1, $1::integer) g
        CROSS JOIN LATERAL (SELECT hashint4(g) & 2147483647 AS h,
                                   now() - ($1::integer - g) * interval '1 second' AS at) t
        CROSS JOIN LATERAL (SELECT CASE WHEN t.h % 100 < 2 THEN 'Cancelled'
                                        WHEN t.h % 100 < 10 THEN 'Failed'
                                        ELSE 'Succeeded' END AS state) s`,
      [jobs, TYPES, QUEUES, CUSTOMERS, USERS, base],
    );
    await db.query(`SELECT setval('${SCHEMA}.job_id_seq', $1::bigint + $2::integer)`, [base, jobs]);
    const fillMs = performance.now() - t0;
    // The state of a table of jobs finished long ago: autovacuum has marked its pages all-visible,
    // which lets the listing check type, queue and user in the index alone. VACUUM can only do
    // that once no older transaction runs (other work on a shared server), so it is repeated.
    let allVisible = 0;
    for (let round = 0; round < 30 && allVisible < 0.95; round += 1) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 2000));
      await db.query(`VACUUM ANALYZE ${SCHEMA}.job`);
      const { rows: vm } = await db.query<{ share: number }>(
        `SELECT relallvisible::float / greatest(relpages, 1) AS share FROM pg_class WHERE oid = '${SCHEMA}.job'::regclass`,
      );
      allVisible = vm[0]?.share ?? 0;
    }
    return { fillMs, allVisible };
  } finally {
    await db.end();
  }
}

/** A job with children, of the measured customer. */
async function firstJobId(pgUrl: string): Promise<string> {
  const db = new pg.Client({ connectionString: pgUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(
      `SELECT p.id::text AS id FROM ${SCHEMA}.job c JOIN ${SCHEMA}.job p ON p.id = c.parent_id
        WHERE p.customer_id = 'customer-07' ORDER BY p.id DESC LIMIT 1`,
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('the fill made no child of customer-07');
    return id;
  } finally {
    await db.end();
  }
}

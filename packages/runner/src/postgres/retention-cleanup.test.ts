import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { jobSql } from './job-sql.js';
import { postgresTestScope } from './postgres-test-scope.js';
import { schemaNames } from './schema-names.js';
import { adminQuery, TEST_PG_URL } from './test-database.js';

const HOUR = 3_600_000;

/** A job row written straight into the table, finished (or not) `ageHours` ago. */
interface Row {
  readonly state: string;
  readonly ageHours: number | null;
}

/** Inserts the rows in the given order (so the heap order is theirs) and returns their ids. */
async function insertJobs(schema: string, rows: readonly Row[]): Promise<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const [inserted] = await adminQuery<{ id: string }>(
      `INSERT INTO "${schema}".job (type, queue, state, max_attempts, finished_at)
       VALUES ('test.job', 'default', $1, 1, now() - $2 * interval '1 hour') RETURNING id::text AS id`,
      [row.state, row.ageHours],
    );
    ids.push(inserted?.id ?? '');
  }
  return ids;
}

describe('PostgresQueue retention cleanup', () => {
  const db = postgresTestScope();

  it('deletes the oldest finished jobs first, batch by batch, never a live one, and keeps the logs of the jobs it keeps', async () => {
    const queue = await db.open();
    const policy = { succeededMs: 24 * HOUR, failedMs: 48 * HOUR, cancelledMs: 24 * HOUR, batchSize: 3 };
    const ageLimit: Record<string, number> = { Succeeded: 24, Failed: 48, Cancelled: 24 };
    // Youngest first in the heap, states mixed, so neither heap order nor one state's order is the answer.
    const rows: Row[] = [
      { state: 'Succeeded', ageHours: 2 },
      { state: 'Failed', ageHours: 30 },
      { state: 'Cancelled', ageHours: 25 },
      { state: 'Succeeded', ageHours: 26 },
      { state: 'Failed', ageHours: 50 },
      { state: 'Succeeded', ageHours: 70 },
      { state: 'Cancelled', ageHours: 90 },
      { state: 'Succeeded', ageHours: 40 },
      { state: 'Failed', ageHours: 120 },
      { state: 'Succeeded', ageHours: 100 },
      { state: 'Cancelled', ageHours: 10 },
      // Live jobs with an old finish time (left by an earlier attempt) are never retention's to delete.
      { state: 'Enqueued', ageHours: 200 },
      { state: 'Scheduled', ageHours: 200 },
      { state: 'Processing', ageHours: 200 },
      { state: 'Awaiting', ageHours: 200 },
      { state: 'Enqueued', ageHours: null },
    ];
    const ids = await insertJobs(db.schema, rows);
    await adminQuery(
      `INSERT INTO "${db.schema}".job_log (job_id, seq, at, level, message)
       SELECT id, s, now(), 'info', '"line"'::jsonb FROM "${db.schema}".job, generate_series(1, 2) s`,
    );
    const due = rows
      .map((row, index) => ({ ...row, id: ids[index] ?? '' }))
      .filter((row) => row.ageHours !== null && row.ageHours > (ageLimit[row.state] ?? Infinity))
      .sort((a, b) => (b.ageHours ?? 0) - (a.ageHours ?? 0))
      .map((row) => row.id);
    expect(due).toHaveLength(8);

    const sorted = (list: readonly string[]) => [...list].sort((a, b) => Number(a) - Number(b));
    const idsOf = async (sql: string) => sorted((await adminQuery<{ id: string }>(sql)).map((r) => r.id));
    const remaining = () => idsOf(`SELECT id::text AS id FROM "${db.schema}".job`);
    const logged = () => idsOf(`SELECT DISTINCT job_id::text AS id FROM "${db.schema}".job_log`);

    let deleted: string[] = [];
    for (const size of [3, 3, 2, 0]) {
      expect(await queue.cleanup(policy)).toBe(size);
      deleted = due.slice(0, deleted.length + size);
      const kept = ids.filter((id) => !deleted.includes(id));
      expect(await remaining()).toEqual(sorted(kept));
      // Every kept job still has both its log lines; the deleted jobs' logs went with them.
      expect(await logged()).toEqual(sorted(kept));
      const [count] = await adminQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${db.schema}".job_log`,
      );
      expect(count?.n).toBe(kept.length * 2);
    }
  });

  it('walks job_finished_idx, not the table, on 50,000 finished jobs all due', async () => {
    await db.open();
    const { schema } = db;
    // Heap order from youngest to oldest: a scan of the table would read every young job first.
    await adminQuery(
      `INSERT INTO "${schema}".job (type, queue, state, max_attempts, finished_at)
       SELECT 'test.job', 'default', (ARRAY['Succeeded', 'Failed', 'Cancelled'])[1 + i % 3], 1,
              now() - interval '2 days' - i * interval '1 minute'
         FROM generate_series(1, 50000) i`,
    );
    await adminQuery(
      `INSERT INTO "${schema}".job (type, queue, state, max_attempts)
       SELECT 'test.job', 'default', 'Enqueued', 1 FROM generate_series(1, 5000)`,
    );
    await adminQuery(`ANALYZE "${schema}".job`);
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      await client.query(
        `PREPARE cleanup(float8, float8, float8, int) AS ${jobSql(schemaNames(schema)).cleanup}`,
      );
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN EXECUTE cleanup(${HOUR}, ${HOUR}, ${HOUR}, 1000)`,
      );
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(plan.match(/Index Scan using job_finished_idx/g)).toHaveLength(3);
      expect(plan).toContain('Index Scan using job_pkey');
      expect(plan).not.toContain('Seq Scan');
    } finally {
      await client.end();
    }
  });
});

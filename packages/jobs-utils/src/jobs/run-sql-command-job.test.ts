import { testBackends } from '@hangar/jobs-importexport/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startUtilsHarness, type UtilsHarness } from '../testing/runner-harness.js';
import { openSqlTarget, type SqlTarget } from '../testing/sql-targets.js';
import { RUN_SQL_COMMAND_JOB_TYPE as TYPE } from './run-sql-command-job.js';

const backends = await testBackends();

describe.each(backends)('utils.run-sql-command on $kind', ({ kind, skipReason }) => {
  let db: SqlTarget;
  let h: UtilsHarness;
  let t: string;

  beforeAll(async () => {
    if (skipReason) return;
    db = await openSqlTarget(kind);
    t = `${db.prefix}items`;
    h = await startUtilsHarness({
      sql: { connections: { scratch: db.url }, allowedCustomers: ['OPS'] },
    });
  });
  afterAll(async () => {
    await h?.stop();
    await db?.cleanup();
  });
  beforeEach(async () => {
    if (skipReason) return;
    await db.rows(`drop table if exists ${t}`);
    await db.rows(`create table ${t} (id integer primary key, name varchar(20) not null)`);
    await db.rows(`insert into ${t} (id, name) values (1, 'one')`);
  });
  const names = async () =>
    (await db.rows<{ name: string }>(`select name from ${t} order by id`)).map((r) => r.name);

  it.skipIf(skipReason)(
    'runs a script in one transaction and returns the row counts of each statement',
    async () => {
      const script = [
        `-- seed; with a semicolon in a comment`,
        `insert into ${t} (id, name) values (2, 'two;2'), (3, 'three');`,
        `update ${t} set name = name || '!' where id >= 2;`,
        `select id, name from ${t} order by id;`,
        `delete from ${t} where id = 1`,
      ].join('\n');
      const job = await h.run(TYPE, { connection: 'scratch', script });
      expect(job.state).toBe('Succeeded');
      expect(job.result?.result).toMatchObject({
        connection: 'scratch',
        dialect: kind,
        mode: 'transaction',
        statements: [
          { statement: 1, line: 1, rowsAffected: 2, rowsReturned: 0 },
          { statement: 2, line: 3, rowsAffected: 2, rowsReturned: 0 },
          { statement: 3, line: 4, rowsAffected: null, rowsReturned: 3 },
          { statement: 4, line: 5, rowsAffected: 1, rowsReturned: 0 },
        ],
      });
      expect(await names()).toEqual(['two;2!', 'three!']);
      const progress = (await h.log(job.id)).filter((e) => e.level === 'progress');
      expect(progress.map((e) => [e.current, e.total])).toEqual([
        [0, 4],
        [1, 4],
        [2, 4],
        [3, 4],
        [4, 4],
      ]);
      expect(h.runner.registry.translator.render(progress[1]!.message, 'fr')).toBe(
        'Instruction 2 sur 4 (ligne 3)',
      );
    },
  );

  it.skipIf(skipReason)('rolls the whole transaction back when a statement fails, naming it', async () => {
    const script = `insert into ${t} (id, name) values (2, 'two');\ndelete from ${t} where id = 1;\ninsert into ${t} (id, name) values (2, 'again');`;
    const job = await h.run(TYPE, { connection: 'scratch', script });
    expect(job.state).toBe('Failed');
    expect(job.errorInfo?.[0]).toMatchObject({
      code: 'UTILS_SQL_FAILED',
      params: { statement: 3, line: 3, committed: 0 },
    });
    expect(await names()).toEqual(['one']);
  });

  it.skipIf(skipReason)('statement by statement, keeps what ran before the failing statement', async () => {
    const script = `insert into ${t} (id, name) values (2, 'two');\ndelete from ${t} where id = 1;\ninsert into ${t} (id, name) values (2, 'again');`;
    const job = await h.run(TYPE, { connection: 'scratch', script, mode: 'statements' });
    expect(job.state).toBe('Failed');
    expect(job.errorInfo?.[0]).toMatchObject({
      code: 'UTILS_SQL_FAILED',
      params: { statement: 3, committed: 2 },
    });
    expect(await names()).toEqual(['two']);
  });

  it.skipIf(skipReason)('refuses bad input, naming the field, before any statement runs', async () => {
    const drop = `delete from ${t};`;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ connection: 'nope', script: drop }, 'UTILS_UNKNOWN_CONNECTION', 'connection'],
      [{ connection: 'constructor', script: drop }, 'UTILS_UNKNOWN_CONNECTION', 'connection'],
      [{ connection: 'scratch', script: ' ;\n-- nothing\n' }, 'UTILS_INVALID_PARAM', 'script'],
      [{ connection: 'scratch', script: `${drop}\nselect 'unterminated` }, 'UTILS_INVALID_PARAM', 'script'],
    ];
    for (const [params, code, field] of cases) {
      const job = await h.run(TYPE, params);
      expect(job.state, JSON.stringify(params)).toBe('Failed');
      expect(job.errorInfo?.[0]).toMatchObject({ code, params: { field } });
    }
    expect(h.render(await h.run(TYPE, cases[3]![0]), 'fr')).toBe(
      'Paramètre « script » : line 2: unterminated string',
    );
    await expect(
      h.runner.client.enqueue(TYPE, { connection: 'scratch', script: drop, mode: 'all' }),
    ).rejects.toMatchObject({
      code: 'PARAMS_INVALID',
    });
    const customer = await h.run(TYPE, { connection: 'scratch', script: drop }, 'ACME');
    expect(customer.errorInfo?.[0]).toMatchObject({
      code: 'SYSTEM_JOB_REQUIRED',
      params: { tenant: 'ACME' },
    });
    expect(await names()).toEqual(['one']);
    expect((await h.run(TYPE, { connection: 'scratch', script: `select 1` }, 'OPS')).state).toBe('Succeeded');
  });

  it.skipIf(skipReason)('stops between statements when cancelled, rolling back the transaction', async () => {
    const inserts = Array.from(
      { length: 3_000 },
      (_, i) => `insert into ${t} (id, name) values (${i + 10}, 'n${i}');`,
    );
    for (const mode of ['transaction', 'statements'] as const) {
      const id = await h.enqueue(TYPE, { connection: 'scratch', script: inserts.join('\n'), mode });
      await waitForProgress(h, id, 20);
      await h.runner.client.cancel(id);
      expect((await h.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Cancelled');
      const [{ n }] = (await db.rows<{ n: number | string }>(`select count(*) as n from ${t}`)) as [
        { n: number | string },
      ];
      if (mode === 'transaction') expect(Number(n)).toBe(1);
      else expect(Number(n)).toBeGreaterThan(1);
      if (mode === 'statements') expect(Number(n)).toBeLessThan(3_001);
      await db.rows(`delete from ${t} where id >= 10`);
    }
  });

  it.skipIf(skipReason || kind !== 'postgres')(
    'cancels the running statement on the server (pg_sleep(30))',
    async () => {
      const script = `insert into ${t} (id, name) values (2, 'two');\nselect pg_sleep(30);\ninsert into ${t} (id, name) values (3, 'three');`;
      const id = await h.enqueue(TYPE, { connection: 'scratch', script });
      await waitForProgress(h, id, 1);
      await waitFor(async () => (await sleepers(db)) > 0);
      await h.runner.client.cancel(id);
      const job = await h.runner.client.waitFor(id, { pollMs: 20 });
      expect(job.state).toBe('Cancelled');
      expect(await sleepers(db)).toBe(0);
      expect(await names()).toEqual(['one']);
    },
  );
});

async function sleepers(db: SqlTarget): Promise<number> {
  const rows = await db.rows<{ n: number | string }>(
    "select count(*) as n from pg_stat_activity where query like 'select pg_sleep(30)%' and state = 'active'",
  );
  return Number(rows[0]?.n ?? 0);
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition never met');
}

/** Waits until the job reported progress past `statements` statements. */
async function waitForProgress(h: UtilsHarness, id: string, statements: number): Promise<void> {
  await waitFor(async () =>
    (await h.log(id)).some((e) => e.level === 'progress' && (e.current ?? 0) >= statements),
  );
}

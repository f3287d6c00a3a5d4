import { testBackends } from '@hangar/jobs-importexport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUtilsHarness, type UtilsHarness } from '../testing/runner-harness.js';
import { openSqlTarget, type SqlTarget } from '../testing/sql-targets.js';
import { RUN_STORED_PROCEDURE_JOB_TYPE as TYPE } from './run-stored-procedure-job.js';

const postgres = (await testBackends()).find((backend) => backend.kind === 'postgres')!;

const ERRORS = `<errorinfo><error code="IC_MISMATCH" key="sql.icMismatch" source="P_CHECK"><param name="company">FR1</param><param name="amount" type="number">12.5</param></error><error code="LATE" key="sql.late" severity="warning"><param name="days" type="number">3</param></error></errorinfo>`;

describe.skipIf(postgres.skipReason)('utils.run-stored-procedure on PostgreSQL', () => {
  let db: SqlTarget;
  let h: UtilsHarness;
  let s: string;
  let sqlite: { cleanup(): Promise<void>; url: string };

  beforeAll(async () => {
    db = await openSqlTarget('postgres');
    sqlite = await openSqlTarget('sqlite');
    s = db.prefix;
    for (const statement of [
      `create table ${s}items (id integer primary key, name text not null)`,
      `create procedure ${s}add_item(p_id integer, p_name text, inout p_count integer, out errorinfo xml)
         language plpgsql as $$
         begin
           insert into ${s}items values (p_id, p_name);
           select count(*) into p_count from ${s}items;
           errorinfo := null;
         end $$`,
      `create procedure ${s}check_items(inout errorinfo xml) language plpgsql as $$
         begin errorinfo := '${ERRORS}'::xml; end $$`,
      `create procedure ${s}bad_xml(inout errorinfo text) language plpgsql as $$
         begin errorinfo := '<oops>'; end $$`,
      `create procedure ${s}slow() language plpgsql as $$ begin perform pg_sleep(30); end $$`,
      `create function ${s}items_like(prefix text) returns table (id integer, name text)
         language sql as $$ select id, name from ${s}items where name like prefix || '%' order by id $$`,
      `create function ${s}item_stats(out n integer, out longest text)
         language sql as $$ select count(*)::integer, max(name) from ${s}items $$`,
    ])
      await db.rows(statement);
    h = await startUtilsHarness({ sql: { connections: { scratch: db.url, local: sqlite.url } } });
  });
  afterAll(async () => {
    await h?.stop();
    await db?.cleanup();
    await sqlite?.cleanup();
  });
  const count = async () =>
    Number((await db.rows<{ n: string }>(`select count(*) as n from ${s}items`))[0]?.n);
  const proc = (name: string) => `${s}${name}`;

  it('calls a procedure with IN, INOUT and OUT parameters and returns the outputs', async () => {
    const job = await h.run(TYPE, {
      connection: 'scratch',
      procedure: proc('add_item'),
      parameters: [
        { name: 'p_id', type: 'int', value: 1 },
        { name: 'p_name', type: 'text', value: 'alpha' },
        { name: 'p_count', type: 'int', direction: 'inout', value: 0 },
        { name: 'errorinfo', type: 'xml', direction: 'out' },
      ],
    });
    expect(job.state).toBe('Succeeded');
    expect(job.result?.result).toEqual({ procedure: proc('add_item'), outputs: { p_count: 1 }, rows: [] });
    const progress = (await h.log(job.id)).filter((e) => e.level === 'progress');
    expect(progress.map((e) => [e.message.key, e.current, e.total])).toEqual([
      ['utils.progress.procedureStarted', 0, 1],
      ['utils.progress.procedureDone', 1, 1],
    ]);
  });

  it('calls functions: rows of a table function, OUT values of a scalar one', async () => {
    await db.rows(
      `insert into ${s}items values (10, 'beta'), (11, 'bravo'), (12, 'charlie') on conflict do nothing`,
    );
    const rows = await h.run(TYPE, {
      connection: 'scratch',
      procedure: proc('items_like'),
      kind: 'function',
      parameters: [{ name: 'prefix', type: 'text', value: 'b' }],
    });
    expect(rows.result?.result).toMatchObject({
      rows: [
        { id: 10, name: 'beta' },
        { id: 11, name: 'bravo' },
      ],
    });
    const stats = await h.run(TYPE, {
      connection: 'scratch',
      procedure: proc('item_stats'),
      kind: 'function',
      parameters: [
        { name: 'n', type: 'int', direction: 'out' },
        { name: 'longest', type: 'text', direction: 'out' },
      ],
    });
    expect(stats.result?.result).toMatchObject({ outputs: { n: await count(), longest: 'charlie' } });
  });

  it('fails the job with the errors of the errorinfo XML, and logs its warnings', async () => {
    const job = await h.run(TYPE, {
      connection: 'scratch',
      procedure: proc('check_items'),
      parameters: [{ name: 'errorinfo', type: 'xml', direction: 'inout', value: null }],
    });
    expect(job.state).toBe('Failed');
    expect(job.errorInfo).toEqual([
      {
        code: 'UTILS_PROCEDURE_FAILED',
        key: 'utils.error.procedureFailed',
        params: { procedure: proc('check_items'), detail: '1 errors reported', count: 1 },
        severity: 'error',
        source: proc('check_items'),
      },
      {
        code: 'IC_MISMATCH',
        key: 'sql.icMismatch',
        params: { company: 'FR1', amount: 12.5 },
        severity: 'error',
        source: 'P_CHECK',
      },
    ]);
    const warnings = (await h.log(job.id)).filter((e) => e.level === 'warning');
    expect(warnings.map((e) => e.message)).toEqual([{ key: 'sql.late', params: { days: 3 } }]);
    const bad = await h.run(TYPE, {
      connection: 'scratch',
      procedure: proc('bad_xml'),
      parameters: [{ name: 'errorinfo', type: 'text', direction: 'inout', value: null }],
    });
    expect(bad.errorInfo?.[0]?.params.detail).toMatch(/errorinfo is not valid XML/);
  });

  it('refuses bad input, naming the field, before calling anything', async () => {
    const before = await count();
    const insert = [
      { name: 'p_id', type: 'int', value: 99 },
      { name: 'p_name', type: 'text', value: 'never' },
      { name: 'p_count', type: 'int', direction: 'inout', value: 0 },
    ];
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { connection: 'nope', procedure: proc('add_item'), parameters: insert },
        'UTILS_UNKNOWN_CONNECTION',
        'connection',
      ],
      [
        { connection: 'local', procedure: 'add_item', parameters: insert },
        'UTILS_INVALID_PARAM',
        'connection',
      ],
      [
        { connection: 'scratch', procedure: proc('add_item'), parameters: [...insert, insert[0]] },
        'UTILS_INVALID_PARAM',
        'parameters.3.name',
      ],
      [
        {
          connection: 'scratch',
          procedure: proc('add_item'),
          parameters: [...insert, { name: 'errorinfo', type: 'xml', direction: 'out', value: '<x/>' }],
        },
        'UTILS_INVALID_PARAM',
        'parameters.3.value',
      ],
      [
        {
          connection: 'scratch',
          procedure: proc('add_item'),
          parameters: [...insert, { name: 'errorinfo', type: 'int', direction: 'out' }],
        },
        'UTILS_INVALID_PARAM',
        'parameters.3',
      ],
    ];
    for (const [params, code, field] of cases) {
      const job = await h.run(TYPE, params);
      expect(job.errorInfo?.[0], JSON.stringify(params)).toMatchObject({ code, params: { field } });
    }
    await expect(
      h.runner.client.enqueue(TYPE, {
        connection: 'scratch',
        procedure: `${proc('add_item')}; drop table x`,
      }),
    ).rejects.toMatchObject({ code: 'PARAMS_INVALID' });
    const customer = await h.run(
      TYPE,
      { connection: 'scratch', procedure: proc('add_item'), parameters: insert },
      'ACME',
    );
    expect(customer.errorInfo?.[0]?.code).toBe('SYSTEM_JOB_REQUIRED');
    expect(await count()).toBe(before);
  });

  it('cancels a running call on the server', async () => {
    const id = await h.enqueue(TYPE, { connection: 'scratch', procedure: proc('slow') });
    const sleeping = async () =>
      Number(
        (
          await db.rows<{ n: string }>(
            `select count(*) as n from pg_stat_activity where query like 'call %slow%' and state = 'active'`,
          )
        )[0]?.n,
      );
    for (let i = 0; i < 600 && (await sleeping()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await sleeping()).toBe(1);
    await h.runner.client.cancel(id);
    expect((await h.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Cancelled');
    expect(await sleeping()).toBe(0);
  });
});

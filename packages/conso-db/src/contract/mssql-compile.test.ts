import {
  type CompiledQuery,
  createQueryId,
  Kysely,
  MssqlDialect,
  MssqlQueryCompiler,
  type RootOperationNode,
} from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert, MSSQL_MAX_ROWS_PER_INSERT } from '../bulk-insert.js';
import { CONSO_MIGRATIONS } from '../migrations/conso-migrations.js';
import { migrateToLatest } from '../migrations/migrate-to-latest.js';
import { openConsoDb } from '../open-conso-db.js';
import { bundleBalances } from '../queries/bundle-balances.js';
import { codesToIds } from '../queries/codes-to-ids.js';
import { lockConso, unlockConso } from '../queries/conso-lock.js';
import { findConsoByCode } from '../queries/conso-lookup.js';
import { replaceConsolidatedData } from '../queries/consolidated-data.js';
import { logModification } from '../queries/modification-log.js';
import { generateSampleGroup } from '../sample-group/generate-sample-group.js';
import { loadTinyDemoGroup } from '../sample-group/tiny-demo-group.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import { RecordingDialect } from '../testing/recording-dialect.js';
import { evaluateValidationRules } from '../validation/validation-rule-evaluation.js';

// No SQL Server runs here. Instead every query the library issues is compiled by kysely's own
// SQL Server compiler and checked for constructs T-SQL rejects, so a query that cannot be
// expressed there fails in this file rather than on a customer's server.
const T_SQL_REJECTS: readonly [RegExp, string][] = [
  [/\blimit\s+[@\d]/i, 'LIMIT (T-SQL uses TOP / OFFSET FETCH)'],
  [/\breturning\b/i, 'RETURNING (T-SQL uses OUTPUT)'],
  [/\bilike\b/i, 'ILIKE'],
  [/\bon conflict\b/i, 'ON CONFLICT'],
  [/\bif not exists\b/i, 'CREATE ... IF NOT EXISTS'],
  [/\$\d+|\?/, 'non-T-SQL parameter placeholder'],
  [/\|\|/, '|| concatenation'],
  [/\b(true|false)\b/i, 'boolean literal'],
  [
    /"\s+(text|boolean|real|double precision|timestamptz?|jsonb?|bytea|serial|bigserial)\b/i,
    'column type T-SQL lacks, or REAL (lossy for amounts)',
  ],
  [/\b(generated (by default|always) as identity|autoincrement)\b/i, 'non-T-SQL identity'],
];

function tSqlProblems(sql: string): string[] {
  return T_SQL_REJECTS.filter(([pattern]) => pattern.test(sql)).map(([, name]) => name);
}

function expectValidTSql(queries: readonly CompiledQuery[]): void {
  expect(queries.length).toBeGreaterThan(0);
  for (const query of queries) {
    expect(tSqlProblems(query.sql), query.sql.slice(0, 300)).toEqual([]);
    expect(query.parameters.length, query.sql.slice(0, 120)).toBeLessThanOrEqual(2100);
  }
}

describe('SQL Server compilation (no server)', () => {
  it('compiles every migration to T-SQL with NVARCHAR, DECIMAL and IDENTITY columns', async () => {
    const recorder = new RecordingDialect('mssql');
    const applied = await migrateToLatest(new Kysely<ConsoDatabase>({ dialect: recorder }));
    expect(applied).toEqual(Object.keys(CONSO_MIGRATIONS));
    const ddl = recorder.queries.filter((q) => /^create (table|index)/.test(q.sql));
    expectValidTSql(ddl);
    const all = ddl.map((q) => q.sql).join('\n');
    expect(all).toContain('"id" integer identity primary key');
    expect(all).toContain('"amount" decimal(28, 10) not null');
    expect(all).toContain('"text" nvarchar(max) not null');
    expect(all).toMatch(/"locked" smallint default 0 not null/);
    expect(recorder.queries.some((q) => q.sql.startsWith('exec sp_getapplock'))).toBe(true);
    // T-SQL adds a column without the COLUMN keyword.
    expect(recorder.queries.map((q) => q.sql)).toContain(
      'alter table "consos" add "deleting_at" nvarchar(32)',
    );
    // VARCHAR is valid T-SQL but stores a code page, not Unicode: our own tables use NVARCHAR.
    const ours = ddl.filter((q) => !q.sql.includes('"conso_db_migration'));
    for (const q of ours) expect(q.sql, q.sql.slice(0, 80)).not.toMatch(/"\s+varchar\(/);
  });

  describe('every query the library runs, recompiled for SQL Server', () => {
    const captured: RootOperationNode[] = [];
    let recompiled: CompiledQuery[];

    beforeAll(async () => {
      let capture = false;
      // Run the real code on SQLite and keep each query's operation tree, which is dialect-neutral.
      const handle = await openConsoDb(':memory:', {
        log: (event) => {
          if (capture && event.level === 'query') captured.push(event.query.query);
        },
      });
      try {
        await migrateToLatest(handle.db);
        capture = true;
        const { db } = handle;
        // A SQL Server-sized parameter budget, so batch sizes are the ones SQL Server would get.
        const sample = await generateSampleGroup(db, {
          companies: 7,
          accounts: 40,
          seed: 11,
          bulk: { maxParameters: 2098 },
        });
        await loadTinyDemoGroup(db);
        await codesToIds(db, 'consos', sample.customerId);
        await findConsoByCode(db, sample.customerId, sample.consoCode);
        await lockConso(db, { consoId: sample.consoId, login: 'a' });
        await unlockConso(db, sample.consoId, 'a');
        await unlockConso(db, sample.consoId);
        await bundleBalances(db, { periodId: sample.periodId, categoryId: sample.categoryId });
        await replaceConsolidatedData(db, sample.consoId, []);
        await logModification(db, { customerId: sample.customerId, logGroup: 'g', messageKey: 'k' });
      } finally {
        await handle.close();
      }
      const compiler = new MssqlQueryCompiler();
      recompiled = captured
        // Transaction control goes through tedious's API on SQL Server, and the SQLite version probe
        // (for its parameter limit) never runs there: neither is SQL the library sends to it.
        .filter(
          (node) =>
            !(
              node.kind === 'RawNode' &&
              /^(begin|commit|rollback|savepoint|select sqlite_version)/i.test(
                node.sqlFragments.join('').trim(),
              )
            ),
        )
        .map((node) => compiler.compileQuery(node, createQueryId()));
    }, 60_000);

    it('covers inserts, selects, updates and deletes', () => {
      const verbs = new Set(recompiled.map((q) => q.sql.split(' ')[0]));
      expect(verbs).toEqual(new Set(['insert', 'select', 'update', 'delete']));
    });

    it('contains nothing T-SQL rejects and stays within 2100 parameters', () => {
      expectValidTSql(recompiled);
    });

    it('never inserts more than 1000 rows in one statement', () => {
      for (const q of recompiled.filter((c) => c.sql.startsWith('insert'))) {
        const rows = (q.sql.match(/\), \(/g)?.length ?? 0) + 1;
        expect(rows).toBeLessThanOrEqual(MSSQL_MAX_ROWS_PER_INSERT);
      }
    });

    it('uses SQL Server parameter names and ROUND with a length', () => {
      const balance = recompiled.find((q) => q.sql.includes('total_cents'))!;
      expect(balance.sql).toContain('round("amount" * 100, 0)');
      expect(balance.sql).toMatch(/"period_id" = @1/);
    });
  });

  it('sums validation rules in passes of at most 2,100 parameters, a rule of 2,500 accounts included', async () => {
    const accounts = Array.from({ length: 2600 }, (_, i) => ({
      id: i + 1,
      code: String(1000 + i),
      type: i < 2500 ? 'BS' : 'PL',
      role: null,
      is_summary: 0,
    }));
    // Stored rows answer the lookups; the grouped passes find one company whose sums are all 0.
    const recorder = new RecordingDialect('mssql', (query) => {
      const from = /from "(\w+)"/.exec(query.sql)?.[1];
      const rows =
        from === 'validation_rules'
          ? [
              {
                code: 'BIG',
                name: 'Big',
                operator: 'equal',
                tolerance: 0,
                is_blocking: 0,
                left_selector: JSON.stringify({ types: ['BS'] }),
                right_selector: JSON.stringify({ types: ['PL'], flows: ['F20'] }),
              },
            ]
          : from === 'accounts'
            ? accounts
            : from === 'flows'
              ? [{ id: 7, code: 'F20' }]
              : from === 'companies'
                ? [{ id: 1, code: 'C1' }]
                : [{ company_id: 1, s0: 0, s1: 0, s2: 0, t: 0 }];
      return { rows };
    });
    const db = new Kysely<ConsoDatabase>({ dialect: recorder });
    const { outcomes } = await evaluateValidationRules(
      db,
      { customerId: 1, periodId: 2, categoryId: 3 },
      { totals: true },
    );
    expect(outcomes).toEqual([{ rule: 'BIG', name: 'Big', checks: 1, failures: 0, blocking: false }]);
    const passes = recorder.queries.filter((q) => q.sql.includes('group by'));
    expectValidTSql(passes);
    // 2,500 accounts against a budget of 2,098 less three (period, category, the company list's
    // sentinel): the left side in two parts, 2,095 accounts then 405 beside the right side.
    expect(passes).toHaveLength(2);
    expect(passes.map((q) => q.parameters.length)).toEqual([2 + 2095, 2 + 405 + 100 + 1]);
    // The cents are computed once per row in a derived table, without PostgreSQL's OFFSET 0.
    expect(passes[0]!.sql).toContain('cast(round("amount" * 100, 0) as bigint) as "cents"');
    expect(passes[0]!.sql).not.toMatch(/\boffset\b/);
  });

  it('the checker catches queries kysely compiles but SQL Server would reject', () => {
    const db = new Kysely<ConsoDatabase>({ dialect: new RecordingDialect('mssql') });
    const limited = db.selectFrom('consos').selectAll().limit(1).compile();
    const returning = db.deleteFrom('consos').where('id', '=', 1).returning('id').compile();
    expect(tSqlProblems(limited.sql)).toEqual(['LIMIT (T-SQL uses TOP / OFFSET FETCH)']);
    expect(tSqlProblems(returning.sql)).toEqual(['RETURNING (T-SQL uses OUTPUT)']);
    expect(tSqlProblems(db.selectFrom('consos').select('id').top(1).compile().sql)).toEqual([]);
  });

  it("matches what kysely's real MssqlDialect compiles, without connecting", async () => {
    const never = (): never => {
      throw new Error('must not connect');
    };
    // A real MssqlDialect over a pool and driver that throw if kysely ever tries to connect.
    class NeverPool {
      acquire = never;
      release = never;
      destroy = async () => undefined;
    }
    const db = new Kysely<ConsoDatabase>({
      dialect: new MssqlDialect({
        tarn: { Pool: NeverPool as never, options: { min: 0, max: 1 } },
        tedious: {
          connectionFactory: never,
          ISOLATION_LEVEL: {},
          Request: never as never,
          TYPES: {} as never,
        },
      }),
    });
    const real = db
      .selectFrom('consos')
      .selectAll()
      .where('customer_id', '=', 1)
      .where('code', '=', 'x')
      .compile();
    const recorder = new RecordingDialect('mssql');
    await findConsoByCode(new Kysely<ConsoDatabase>({ dialect: recorder }), 1, 'x');
    expect(recorder.queries[0]?.sql).toBe(real.sql);
    expect(real.sql).toBe('select * from "consos" where "customer_id" = @1 and "code" = @2');
    const insert = db
      .insertInto('currencies')
      .values([
        { code: 'A', name: 'a', decimals: 2 },
        { code: 'B', name: 'b', decimals: 2 },
      ])
      .compile();
    expect(insert.sql).toBe(
      'insert into "currencies" ("code", "name", "decimals") values (@1, @2, @3), (@4, @5, @6)',
    );
    await expect(
      bulkInsert(new Kysely<ConsoDatabase>({ dialect: recorder }), 'currencies', [
        { code: 'C', name: 'c', decimals: 2 },
      ]),
    ).resolves.toBe(1);
    await db.destroy();
  });
});

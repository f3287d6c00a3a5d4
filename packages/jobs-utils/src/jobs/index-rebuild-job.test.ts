import { testBackends } from '@hangar/jobs-importexport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUtilsHarness, type UtilsHarness } from '../testing/runner-harness.js';
import { openSqlTarget, type SqlTarget } from '../testing/sql-targets.js';
import { type IndexRebuildResult, INDEX_REBUILD_JOB_TYPE as TYPE } from './index-rebuild-job.js';

const backends = await testBackends();

describe.each(backends)('utils.index-rebuild on $kind', ({ kind, skipReason }) => {
  let db: SqlTarget;
  let h: UtilsHarness;

  beforeAll(async () => {
    if (skipReason) return;
    db = await openSqlTarget(kind);
    // On PostgreSQL the job's connection must land in the test's schema.
    const url =
      kind === 'postgres' ? `${db.url}?options=-c%20search_path%3D${db.prefix.slice(0, -1)}` : db.url;
    const rows = kind === 'postgres' ? 300_000 : 20_000;
    await db.rows(`create table ${db.prefix}items (id integer primary key, name text not null, note text)`);
    await db.rows(`create table ${db.prefix}small (id integer primary key)`);
    await db.rows(
      kind === 'postgres'
        ? `insert into ${db.prefix}items select g, md5(g::text), null from generate_series(1, ${rows}) g`
        : `with recursive g(n) as (select 1 union all select n + 1 from g where n < ${rows}) insert into items select n, hex(randomblob(16)), null from g`,
    );
    await db.rows(`create index items_name_idx on ${db.prefix}items (name)`);
    h = await startUtilsHarness({ sql: { connections: { scratch: url } } });
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
    await db?.cleanup();
  });

  const waitFor = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 1_200; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('condition never met');
  };
  const reindexing = async () =>
    Number(
      (
        await db.rows<{ n: string }>(
          "select count(*) as n from pg_stat_activity where query like 'reindex index concurrently%' and state = 'active'",
        )
      )[0]?.n,
    ) > 0;
  const filenode = async (index: string) =>
    (await db.rows<{ f: string }>(`select pg_relation_filenode('${db.prefix}${index}') as f`))[0]?.f;

  it.skipIf(skipReason)('rebuilds table by table, reporting progress per table', async () => {
    const before = kind === 'postgres' ? await filenode('items_name_idx') : undefined;
    const job = await h.run(TYPE, { connection: 'scratch', minIndexBytes: 1, minBloatPercent: 0 });
    expect(job.state).toBe('Succeeded');
    const { tables } = (job.result?.result ?? { tables: [] }) as {
      tables: { table: string; statements: string[] }[];
    };
    if (kind === 'postgres') {
      expect(tables.map((t) => t.table)).toEqual(['items', 'small']);
      expect(tables[0]?.statements).toEqual([
        'reindex index concurrently "items_name_idx"',
        'reindex index concurrently "items_pkey"',
      ]);
      expect(await filenode('items_name_idx')).not.toBe(before);
    } else {
      expect(tables).toEqual([
        { table: 'items', statements: ['reindex "items"', 'analyze "items"'] },
        { table: 'small', statements: ['reindex "small"', 'analyze "small"'] },
      ]);
      expect(await db.rows(`select tbl from sqlite_stat1 where tbl = 'items' limit 1`)).toEqual([
        { tbl: 'items' },
      ]);
    }
    const progress = (await h.log(job.id)).filter((e) => e.level === 'progress');
    expect(progress.map((e) => [e.current, e.total])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });

  it.skipIf(skipReason || kind !== 'postgres')(
    'rebuilds only the bloated index, naming every index with its estimate',
    async () => {
      // Both indexes lose nine rows in ten; VACUUM leaves their pages, so both are bloated, then
      // the name index is rebuilt by hand: compact again, with the table's statistics fresh.
      await db.rows(`create table ${db.prefix}bloaty (id integer not null, name text not null)`);
      await db.rows(
        `insert into ${db.prefix}bloaty select g, md5(g::text) from generate_series(1, 200000) g`,
      );
      await db.rows(`create index bloaty_id_idx on ${db.prefix}bloaty (id)`);
      await db.rows(`create index bloaty_name_idx on ${db.prefix}bloaty (name)`);
      await db.rows(`delete from ${db.prefix}bloaty where id % 10 <> 0`);
      await db.rows(`vacuum analyze ${db.prefix}bloaty`);
      await db.rows(`reindex index ${db.prefix}bloaty_name_idx`);
      const idBefore = await filenode('bloaty_id_idx');
      const nameBefore = await filenode('bloaty_name_idx');

      const job = await h.run(TYPE, { connection: 'scratch', tables: ['bloaty'] });
      expect(job.state).toBe('Succeeded');
      const result = job.result?.result as IndexRebuildResult;
      expect(result.tables).toEqual([
        { table: 'bloaty', statements: ['reindex index concurrently "bloaty_id_idx"'] },
      ]);
      const byName = new Map(result.indexes.map((index) => [index.index, index]));
      expect([...byName.keys()].sort()).toEqual(['bloaty_id_idx', 'bloaty_name_idx']);
      expect(byName.get('bloaty_id_idx')).toMatchObject({ method: 'statistics', rebuilt: true });
      expect(byName.get('bloaty_id_idx')?.bloatPercent).toBeGreaterThan(70);
      expect(byName.get('bloaty_id_idx')?.wastedBytes).toBeGreaterThan(0);
      expect(byName.get('bloaty_name_idx')).toMatchObject({ method: 'statistics', rebuilt: false });
      expect(byName.get('bloaty_name_idx')?.bloatPercent).toBeLessThan(30);
      expect(await filenode('bloaty_id_idx')).not.toBe(idBefore);
      expect(await filenode('bloaty_name_idx')).toBe(nameBefore);
      const estimates = (await h.log(job.id)).filter((e) => e.message.key === 'utils.progress.indexBloat');
      expect(estimates.map((e) => [e.message.params?.index, e.message.params?.decision]).sort()).toEqual([
        ['bloaty_id_idx', 'utils.progress.indexRebuilding'],
        ['bloaty_name_idx', 'utils.progress.indexKept'],
      ]);

      // Rebuilt, the id index is compact: a second run leaves both alone.
      const again = await h.run(TYPE, { connection: 'scratch', tables: ['bloaty'] });
      const second = again.result?.result as IndexRebuildResult;
      expect(second.tables).toEqual([]);
      expect(second.indexes.every((index) => !index.rebuilt && (index.bloatPercent ?? 100) < 30)).toBe(true);
    },
  );

  it.skipIf(skipReason)('refuses bad input, naming the field, before rebuilding anything', async () => {
    const before = kind === 'postgres' ? await filenode('items_name_idx') : undefined;
    const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
      [{ connection: 'scratch', tables: ['items', 'nope'] }, undefined, 'UTILS_INVALID_PARAM', 'tables.1'],
      [
        { connection: 'scratch', reorganizeFrom: 40, rebuildFrom: 30 },
        undefined,
        'UTILS_INVALID_PARAM',
        'rebuildFrom',
      ],
      [{ connection: 'other' }, undefined, 'UTILS_UNKNOWN_CONNECTION', 'connection'],
      [{ connection: 'scratch' }, 'ACME', 'SYSTEM_JOB_REQUIRED', undefined],
    ];
    for (const [params, tenant, code, field] of cases) {
      const job = await h.run(TYPE, params, tenant);
      expect(job.errorInfo?.[0]?.code, JSON.stringify(params)).toBe(code);
      if (field) expect(job.errorInfo?.[0]?.params.field).toBe(field);
    }
    if (kind === 'postgres') expect(await filenode('items_name_idx')).toBe(before);
  });

  it.skipIf(skipReason || kind !== 'postgres')('lets writes proceed while an index is rebuilt', async () => {
    const id = await h.enqueue(TYPE, { connection: 'scratch', tables: ['items'], minBloatPercent: 0 });
    await waitFor(reindexing);
    let writesDuringRebuild = 0;
    for (let n = 0; (await reindexing()) && n < 10_000; n++) {
      await db.rows(
        `insert into ${db.prefix}items values (${1_000_000 + n}, 'written during rebuild', null)`,
      );
      if (await reindexing()) writesDuringRebuild += 1;
    }
    expect((await h.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Succeeded');
    expect(writesDuringRebuild).toBeGreaterThan(0);
  });

  it.skipIf(skipReason || kind !== 'postgres')(
    'cancels a running REINDEX and drops its half-built copy',
    async () => {
      const id = await h.enqueue(TYPE, { connection: 'scratch', tables: ['items'], minBloatPercent: 0 });
      await waitFor(reindexing);
      await h.runner.client.cancel(id);
      expect((await h.runner.client.waitFor(id, { pollMs: 20 })).state).toBe('Cancelled');
      expect(await reindexing()).toBe(false);
      const invalid = await db.rows(
        `select i.relname from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
       where n.nspname = '${db.prefix.slice(0, -1)}' and not x.indisvalid`,
      );
      expect(invalid).toEqual([]);
      const original = await db.rows<{ valid: boolean }>(
        `select x.indisvalid as valid from pg_index x where x.indexrelid = '${db.prefix}items_name_idx'::regclass`,
      );
      expect(original).toEqual([{ valid: true }]);
    },
  );
});

import { randomBytes } from 'node:crypto';
import { type ConsoDb, openConsoDb } from '@hangar/conso-db';
import { testBackends } from '@hangar/jobs-importexport/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL } from '../testing/sql-targets.js';
import { postgresIndexes } from './postgres-indexes.js';

const postgres = (await testBackends()).find((backend) => backend.kind === 'postgres');
const skipReason = postgres?.skipReason;

/**
 * A table whose id index lost nine rows in ten (VACUUM keeps its pages) and whose name index was
 * rebuilt after the deletes, in a database of its own: pgstattuple is installed per database, so
 * the test's database gets it without the shared test database seeing it.
 */
describe('postgresIndexes', () => {
  const database = `utils_bloat_${randomBytes(5).toString('hex')}`;
  let admin: ConsoDb;
  let db: ConsoDb;

  const fill = async () => {
    await sql`create table bloaty (id integer not null, name text not null)`.execute(db.db);
    await sql`insert into bloaty select g, md5(g::text) from generate_series(1, 100000) g`.execute(db.db);
    await sql`create index bloaty_id_idx on bloaty (id)`.execute(db.db);
    await sql`create index bloaty_name_idx on bloaty (name)`.execute(db.db);
    await sql`create index bloaty_hash_idx on bloaty using hash (id)`.execute(db.db);
    await sql`delete from bloaty where id % 10 <> 0`.execute(db.db);
    await sql`vacuum analyze bloaty`.execute(db.db);
    await sql`reindex index bloaty_name_idx`.execute(db.db);
  };
  const byName = async () =>
    new Map((await postgresIndexes(db.db, 0, undefined)).map((index) => [index.index, index]));

  beforeAll(async () => {
    if (skipReason) return;
    admin = await openConsoDb(TEST_PG_URL, { poolSize: 1 });
    await sql`create database ${sql.id(database)}`.execute(admin.db);
    db = await openConsoDb(TEST_PG_URL.replace(/\/[^/?]*(\?|$)/, `/${database}$1`), { poolSize: 1 });
    await fill();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    if (admin) await sql`drop database if exists ${sql.id(database)} with (force)`.execute(admin.db);
    await admin?.close();
  });

  it.skipIf(skipReason)('estimates btree bloat from the statistics when pgstattuple is absent', async () => {
    const indexes = await byName();
    expect(indexes.get('bloaty_id_idx')?.bloat).toMatchObject({ method: 'statistics' });
    expect(indexes.get('bloaty_id_idx')?.bloat?.bloatPercent).toBeGreaterThan(70);
    expect(indexes.get('bloaty_name_idx')?.bloat?.bloatPercent).toBeLessThan(30);
    // Not a btree: nothing can be said.
    expect(indexes.get('bloaty_hash_idx')?.bloat).toBeUndefined();
  });

  it.skipIf(skipReason)('measures with pgstatindex once pgstattuple is installed', async () => {
    await sql`create extension if not exists pgstattuple`.execute(db.db);
    const indexes = await byName();
    expect(indexes.get('bloaty_id_idx')?.bloat).toMatchObject({ method: 'pgstatindex' });
    expect(indexes.get('bloaty_id_idx')?.bloat?.bloatPercent).toBeGreaterThan(70);
    expect(indexes.get('bloaty_name_idx')?.bloat).toMatchObject({ method: 'pgstatindex' });
    expect(indexes.get('bloaty_name_idx')?.bloat?.bloatPercent).toBeLessThan(30);
    expect(indexes.get('bloaty_hash_idx')?.bloat).toBeUndefined();
  });
});

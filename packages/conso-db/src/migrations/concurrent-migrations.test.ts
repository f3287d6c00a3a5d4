import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoDbMigrationError } from '../errors/conso-db-migration-error.js';
import { type ConsoDb, openConsoDb } from '../open-conso-db.js';
import { postgresTestTarget } from '../testing/postgres-test-target.js';
import { CONSO_MIGRATIONS } from './conso-migrations.js';
import { CONSO_MIGRATION_TABLE, migrateToLatest } from './migrate-to-latest.js';

const target = await postgresTestTarget();
const RUNNERS = 4;
const ROUNDS = 6;

/**
 * Creates and drops unrelated schemas, each with a table, until `stop()`: the churn of other
 * tenants' and tests' schemas that a migration of one schema must never trip over.
 */
function churnOtherSchemas(admin: ConsoDb): { stop(): Promise<number> } {
  let running = true;
  let cycles = 0;
  const loop = (async () => {
    while (running) {
      const other = `conso_churn_${randomBytes(5).toString('hex')}`;
      await sql`create schema ${sql.id(other)}`.execute(admin.db);
      await sql`create table ${sql.id(other, 't')} (id serial primary key, label text)`.execute(admin.db);
      await sql`drop schema ${sql.id(other)} cascade`.execute(admin.db);
      cycles += 1;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return cycles;
    },
  };
}

describe.skipIf(target.skipReason !== undefined)('conso-db migrations started together on PostgreSQL', () => {
  let admin: ConsoDb;
  const schemas: string[] = [];
  beforeAll(async () => {
    admin = await openConsoDb(target.url!, { poolSize: 2 });
  });
  afterAll(async () => {
    for (const schema of schemas)
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await admin?.close();
  });

  it('migrate each schema exactly once, whatever other schemas are created and dropped meanwhile', async () => {
    const names = Object.keys(CONSO_MIGRATIONS);
    const churn = churnOtherSchemas(admin);
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const schema = `conso_conc_${randomBytes(5).toString('hex')}`;
        schemas.push(schema);
        // Separate pools, as separate runners would have; each opens (and creates) the schema itself.
        const opened = await Promise.allSettled(
          Array.from({ length: RUNNERS }, () => openConsoDb(target.url!, { schema, poolSize: 1 })),
        );
        const runners = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
        try {
          expect(opened.filter((o) => o.status === 'rejected')).toEqual([]);
          const applied = await Promise.all(runners.map((r) => migrateToLatest(r.db)));
          expect(applied.filter((list) => list.length > 0)).toEqual([names]);
          expect(applied.filter((list) => list.length === 0)).toHaveLength(RUNNERS - 1);
          const rows = await sql<{
            name: string;
          }>`select name from ${sql.id(schema, CONSO_MIGRATION_TABLE)} order by name`.execute(admin.db);
          expect(rows.rows.map((r) => r.name)).toEqual(names);
        } finally {
          await Promise.all(runners.map((r) => r.close()));
        }
      }
    } finally {
      expect(await churn.stop()).toBeGreaterThan(0);
    }
  }, 120_000);

  it('name the migration that failed and leave nothing of the run behind', async () => {
    const schema = `conso_fail_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const conso = await openConsoDb(target.url!, { schema, poolSize: 1 });
    try {
      // A table in the way makes the first migration fail.
      await sql`create table ${sql.id(schema, 'currencies')} (x integer)`.execute(conso.db);
      const error = await migrateToLatest(conso.db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConsoDbMigrationError);
      expect(error).toMatchObject({ params: { migration: '0001-tenancy-and-master-data' } });
      const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = ${schema} order by table_name`.execute(conso.db);
      expect(tables.rows.map((t) => t.name)).toEqual(['currencies']);
    } finally {
      await conso.close();
    }
  });
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { PostgresQueue } from './postgres-queue.js';
import { postgresTestScope } from './postgres-test-scope.js';
import { adminQuery, TEST_PG_URL } from './test-database.js';

const RUNNERS = 4;
const ROUNDS = 4;

describe('PostgreSQL queue migrations started together', () => {
  const db = postgresTestScope();

  it('migrate the schema exactly once while other schemas are created and dropped', async () => {
    // Other tenants' and tests' schemas come and go on a shared server; on its own connection.
    const churn = new pg.Client({ connectionString: TEST_PG_URL });
    await churn.connect();
    let churning = true;
    let cycles = 0;
    const loop = (async () => {
      while (churning) {
        const other = `hangar_churn_${randomBytes(5).toString('hex')}`;
        await churn.query(`CREATE SCHEMA "${other}"`);
        await churn.query(`CREATE TABLE "${other}".t (id serial PRIMARY KEY, label text)`);
        await churn.query(`DROP SCHEMA "${other}" CASCADE`);
        cycles += 1;
      }
    })();
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const schema = `${db.schema}_${round}`;
        const queues = Array.from(
          { length: RUNNERS },
          () => new PostgresQueue({ connectionString: TEST_PG_URL, schema, poolSize: 2, autoMigrate: false }),
        );
        try {
          const applied = await Promise.all(queues.map((q) => q.migrate()));
          expect(applied.filter((versions) => versions.length > 0)).toEqual([
            MIGRATIONS.map((m) => m.version),
          ]);
          const versions = await adminQuery(`SELECT version FROM "${schema}".migration ORDER BY version`);
          expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
        } finally {
          await Promise.all(queues.map((q) => q.close()));
          await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        }
      }
    } finally {
      churning = false;
      await loop;
      await churn.end();
    }
    expect(cycles).toBeGreaterThan(0);
  }, 120_000);
});

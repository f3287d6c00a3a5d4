import { NO_MIGRATIONS } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ConsoDbMigrationError } from '../errors/conso-db-migration-error.js';
import { openConsoDb } from '../open-conso-db.js';
import { CONSO_MIGRATIONS } from './conso-migrations.js';
import {
  CONSO_MIGRATION_LOCK_TABLE,
  CONSO_MIGRATION_TABLE,
  createConsoMigrator,
  migrateToLatest,
} from './migrate-to-latest.js';

describe('migrations', () => {
  it('are named 0001-... and sort in the order they apply', () => {
    const names = Object.keys(CONSO_MIGRATIONS);
    expect(names.every((name, i) => name.startsWith(`${String(i + 1).padStart(4, '0')}-`))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it('roll back to nothing and apply again', async () => {
    const { db, close } = await openConsoDb(':memory:');
    try {
      expect(await migrateToLatest(db)).toHaveLength(names().length);
      const migrator = await createConsoMigrator(db);
      const down = await migrator.migrateTo(NO_MIGRATIONS);
      expect(down.error).toBeUndefined();
      expect(down.results?.map((r) => r.direction)).toEqual(names().map(() => 'Down'));
      const left = (await db.introspection.getTables()).map((t) => t.name).sort();
      expect(left).toEqual([CONSO_MIGRATION_TABLE, CONSO_MIGRATION_LOCK_TABLE].sort());
      expect(await migrateToLatest(db)).toEqual(names());
    } finally {
      await close();
    }
  });

  it('report a failure as ConsoDbMigrationError naming the migration', async () => {
    const { db, close } = await openConsoDb(':memory:');
    try {
      // A table in the way makes the first migration fail.
      await db.schema.createTable('currencies').addColumn('x', 'integer').execute();
      const error = await migrateToLatest(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConsoDbMigrationError);
      expect(error).toMatchObject({
        code: 'CONSO_DB_MIGRATION_FAILED',
        params: { migration: '0001-tenancy-and-master-data' },
      });
    } finally {
      await close();
    }
  });
});

function names(): string[] {
  return Object.keys(CONSO_MIGRATIONS);
}

import type { Kysely, Migration } from 'kysely';
import { columnTypesOf } from './column-types.js';

/**
 * Period closing: a period is closed while `closed_at` is set, by `closed_by` (a login). Both are
 * nullable, so the columns add to existing rows on every dialect without a default constraint
 * (which SQL Server would name itself and refuse to drop with the column).
 */
export const migration0009: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema.alterTable('periods').addColumn('closed_at', t.text(32)).execute();
    await db.schema.alterTable('periods').addColumn('closed_by', t.text(100)).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('periods').dropColumn('closed_by').execute();
    await db.schema.alterTable('periods').dropColumn('closed_at').execute();
  },
};

import type { Kysely, Migration } from 'kysely';
import { columnTypesOf } from './column-types.js';

/**
 * `deleting_at` on consos and customers: a deletion runs in many short transactions, so the row is
 * marked first. A marked conso or customer is refused by the tenant scope (never used while half
 * deleted), and a rerun of the deletion finds the mark and carries on where it stopped.
 */
export const migration0011: Migration = {
  async up(db) {
    const t = columnTypesOf(db);
    await db.schema.alterTable('consos').addColumn('deleting_at', t.text(32)).execute();
    await db.schema.alterTable('customers').addColumn('deleting_at', t.text(32)).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('customers').dropColumn('deleting_at').execute();
    await db.schema.alterTable('consos').dropColumn('deleting_at').execute();
  },
};

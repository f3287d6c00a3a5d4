import { CONSO_TABLES_IN_KEY_ORDER, type ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';

/**
 * Copies the SQLite file with SQLite's online backup API (better-sqlite3 `backup()`): pages are
 * copied in steps, and a write by another connection meanwhile restarts the copy of what changed,
 * so the result is a consistent snapshot even while jobs write. `progress` gets pages done / total.
 */
export async function sqliteBackup(
  filename: string,
  path: string,
  progress: (done: number, total: number) => void,
): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const source = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path, {
      progress: ({ totalPages, remainingPages }) => {
        progress(totalPages - remainingPages, totalPages);
        return 100;
      },
    });
  } finally {
    source.close();
  }
}

/**
 * Replaces every table's rows with the backup's, in one transaction on the job's own connection:
 * the backup file is attached, each table emptied (children first) and refilled from it (parents
 * first) with the columns both have, so a backup of an older schema fills the current one and
 * columns added since keep their defaults. Any failure rolls everything back.
 */
export async function sqliteRestore(
  db: Kysely<ConsoDatabase>,
  path: string,
  progress: (table: string, done: number, total: number) => void,
): Promise<void> {
  await sql`attach database ${path} as restore_source`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      // Rows go in parent-first order, but accounts point at accounts: check keys at commit.
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      for (const table of [...CONSO_TABLES_IN_KEY_ORDER].reverse())
        await sql`delete from ${sql.table(`main.${table}`)}`.execute(trx);
      for (const [index, table] of CONSO_TABLES_IN_KEY_ORDER.entries()) {
        const columns = await commonColumns(trx, table);
        const list = sql.join(columns.map((column) => sql.ref(column)));
        await sql`insert into ${sql.table(`main.${table}`)} (${list}) select ${list} from ${sql.table(`restore_source.${table}`)}`.execute(
          trx,
        );
        progress(table, index + 1, CONSO_TABLES_IN_KEY_ORDER.length);
      }
    });
  } finally {
    await sql`detach database restore_source`.execute(db);
  }
}

async function commonColumns(db: Kysely<ConsoDatabase>, table: string): Promise<string[]> {
  const names = async (schema: string) => {
    const { rows } = await sql<{
      name: string;
    }>`select name from pragma_table_info(${table}, ${schema})`.execute(db);
    return rows.map((row) => row.name);
  };
  const source = new Set(await names('restore_source'));
  return (await names('main')).filter((column) => source.has(column));
}

import { type Dialect, SqliteDialect } from 'kysely';
import { loadDriver } from './load-driver.js';

/** Builds a Kysely SQLite dialect on a better-sqlite3 database with WAL and foreign keys on. */
export async function createSqliteDialect(filename: string): Promise<Dialect> {
  const { default: Database } = await loadDriver(
    'sqlite',
    ['better-sqlite3'],
    () => import('better-sqlite3'),
  );
  const database = new Database(filename);
  // WAL lets readers run during a write; an in-memory database silently keeps `memory` mode.
  database.pragma('journal_mode = WAL');
  // SQLite ignores REFERENCES unless told otherwise, per connection.
  database.pragma('foreign_keys = ON');
  // A second process writing the same file waits instead of failing at once with SQLITE_BUSY.
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}

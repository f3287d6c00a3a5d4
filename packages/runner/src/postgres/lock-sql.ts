import type { SchemaNames } from './schema-names.js';

/**
 * SQL of named locks: a row per lock with its owner and expiry. Expiry is compared with the
 * database clock, so runners with skewed clocks still agree on who holds a lock.
 */
export function lockSql(n: SchemaNames) {
  return {
    /**
     * `$1` name, `$2` owner, `$3` ttl ms. Takes the lock if free, expired or already ours; the
     * upsert's row lock makes concurrent takers of an expired lock see each other's result.
     */
    acquire: `
      INSERT INTO ${n.lock} AS l (name, owner, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
      ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
       WHERE l.expires_at <= now() OR l.owner = EXCLUDED.owner
      RETURNING l.owner`,
    /** `$1` name, `$2` owner, `$3` ttl ms. Only the owner extends; nobody else has taken it. */
    extend: `UPDATE ${n.lock} SET expires_at = now() + $3 * interval '1 millisecond' WHERE name = $1 AND owner = $2`,
    /** `$1` name, `$2` owner. */
    release: `DELETE FROM ${n.lock} WHERE name = $1 AND owner = $2`,
  };
}

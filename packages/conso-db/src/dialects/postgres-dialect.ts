import { CompiledQuery, type Dialect, PostgresDialect } from 'kysely';
import { currentTenant } from '../scope/tenant-context.js';
import { loadDriver } from './load-driver.js';

const NUMERIC_OID = 1700;
const INT8_OID = 20;

/** Validates a PostgreSQL schema name used for `search_path`; returns it unchanged. */
export function checkPostgresSchemaName(schema: string): string {
  // Restricting to plain identifiers keeps `search_path` free of quoting and injection concerns.
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError(`Invalid PostgreSQL schema name "${schema}": use letters, digits and _ (max 63)`);
  }
  return schema;
}

/** Builds a Kysely PostgreSQL dialect over its own `pg` pool. */
export async function createPostgresDialect(
  connectionString: string,
  poolSize: number,
  schema: string | undefined,
): Promise<Dialect> {
  const pg = await loadDriver('postgres', ['pg'], () => import('pg'));
  const builtin = pg.types;
  // Parsers apply to this pool only: changing pg's global `types` would alter every other pg user
  // in the process. NUMERIC (amounts) and INT8 (counts) become numbers, like SQLite and SQL Server.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === NUMERIC_OID || oid === INT8_OID) return (value: string) => Number(value);
      return builtin.getTypeParser(oid, format);
    }) as typeof builtin.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle client's error (server restart) would otherwise crash the process; the next query
  // on a fresh client reports the problem instead.
  pool.on('error', () => undefined);
  // pg's Pool.end() resolves once it has asked its clients to end, before their sockets are
  // closed; closing the database waits for those too, so nothing is left open after `close()`.
  const open = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    const ended: Promise<void> = new Promise((resolve) => client.once('end', () => resolve()));
    open.add(ended);
    void ended.then(() => open.delete(ended));
  });
  const searchPath = schema === undefined ? undefined : checkPostgresSchemaName(schema);
  // Every client handed out carries the tenant of the code asking for it (`hangar.tenant`, read by
  // the row-level security policies). Set per session at checkout rather than SET LOCAL per
  // transaction, so that statements outside a transaction are covered too; the round trip is
  // paid only when a pooled client changes tenant.
  const tenantOf = new WeakMap<object, string>();
  const tenantPool = {
    async connect() {
      const client = await pool.connect();
      const tenant = currentTenant() ?? '';
      if (tenantOf.get(client) !== tenant) {
        try {
          await client.query("select set_config('hangar.tenant', $1, false)", [tenant]);
        } catch (error) {
          client.release(error instanceof Error ? error : true);
          throw error;
        }
        tenantOf.set(client, tenant);
      }
      return client;
    },
    end: async () => {
      await pool.end();
      await Promise.all([...open]);
    },
  };
  return new PostgresDialect({
    pool: tenantPool,
    onCreateConnection: searchPath
      ? async (connection) => {
          await connection.executeQuery(CompiledQuery.raw(`set search_path to "${searchPath}"`));
        }
      : undefined,
  });
}

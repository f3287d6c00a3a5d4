import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  MssqlAdapter,
  MssqlIntrospector,
  MssqlQueryCompiler,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { ConsoDialect } from '../dialects/conso-dialect.js';

/** Answers a recorded query; by default every query returns no rows. */
export type RecordingResponder = (query: CompiledQuery) => QueryResult<unknown>;

/**
 * A dialect that compiles with the real adapter and compiler of `dialect` but never connects: each
 * query is recorded and answered by `respond`. Lets tests see the exact SQL for SQL Server without
 * a server, and fail when kysely cannot express a query there.
 */
export class RecordingDialect implements Dialect {
  /** Every query executed so far, in order. */
  readonly queries: CompiledQuery[] = [];

  constructor(
    readonly dialect: ConsoDialect,
    private readonly respond: RecordingResponder = () => ({ rows: [], numAffectedRows: 1n }),
  ) {}

  createAdapter(): DialectAdapter {
    if (this.dialect === 'mssql') return new MssqlAdapter();
    return this.dialect === 'postgres' ? new PostgresAdapter() : new SqliteAdapter();
  }

  createQueryCompiler(): QueryCompiler {
    if (this.dialect === 'mssql') return new MssqlQueryCompiler();
    return this.dialect === 'postgres' ? new PostgresQueryCompiler() : new SqliteQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>) {
    if (this.dialect === 'mssql') return new MssqlIntrospector(db);
    return this.dialect === 'postgres' ? new PostgresIntrospector(db) : new SqliteIntrospector(db);
  }

  createDriver(): Driver {
    const connection: DatabaseConnection = {
      executeQuery: async <R>(query: CompiledQuery) => {
        this.queries.push(query);
        return this.respond(query) as QueryResult<R>;
      },
      // biome-ignore lint/correctness/useYield: streaming is never used by the library; it only has to exist.
      streamQuery: async function* () {
        throw new Error('streamQuery is not supported by RecordingDialect');
      },
    };
    return {
      init: async () => undefined,
      acquireConnection: async () => connection,
      beginTransaction: async () => undefined,
      commitTransaction: async () => undefined,
      rollbackTransaction: async () => undefined,
      releaseConnection: async () => undefined,
      destroy: async () => undefined,
    };
  }
}

import { type ConsoDb, openConsoDb } from '@hangar/conso-db';
import { defineJob, type JobContext, t } from '@hangar/core';
import { sql } from 'kysely';
import { z } from 'zod';
import { checkpointTurn } from '../cancellation/checkpoint-turn.js';
import { InvalidParamError } from '../errors/invalid-param-error.js';
import {
  MSSQL_FRAGMENTATION_QUERY,
  type MssqlIndexFragmentation,
  mssqlIndexStatement,
} from '../indexes/mssql-index-maintenance.js';
import {
  type BloatMethod,
  dropInterruptedReindexes,
  type IndexInfo,
  postgresIndexes,
} from '../indexes/postgres-indexes.js';
import { utilsOptionsOf } from '../settings/utils-options.js';
import { cancelRunningStatementOnAbort } from '../sql/cancel-running-statement.js';
import { configuredConnection } from '../sql/configured-connection.js';

export const INDEX_REBUILD_JOB_TYPE = 'utils.index-rebuild';

/** Parameters of {@link indexRebuildJob}. */
export const indexRebuildParams = z.object({
  /** Name of a connection in the operator's settings (`sql.connections`). */
  connection: z.string().min(1),
  /** Only these tables; every table of the schema when absent. */
  tables: z.array(z.string().min(1)).min(1).optional(),
  /** PostgreSQL: only indexes of at least this many bytes. @defaultValue 0 */
  minIndexBytes: z.number().int().nonnegative().default(0),
  /**
   * PostgreSQL: only indexes whose estimated bloat (share of pages a fresh build would not need)
   * is at least this %; 0 rebuilds every index, including those whose bloat cannot be told.
   * @defaultValue 30
   */
  minBloatPercent: z.number().min(0).max(100).default(30),
  /** SQL Server: fragmentation (%) from which an index is reorganized, and from which it is rebuilt. */
  reorganizeFrom: z.number().min(0).max(100).default(5),
  rebuildFrom: z.number().min(0).max(100).default(30),
  /** SQL Server: smaller indexes (in pages) are left alone. */
  minPages: z.number().int().nonnegative().default(1_000),
  /** SQL Server: rebuild `WITH (ONLINE = ON)` (Enterprise edition and Azure SQL). */
  online: z.boolean().default(false),
});
type Params = z.output<typeof indexRebuildParams>;

/** What was done to one table. */
export interface TableMaintenance {
  readonly table: string;
  /** The statements run, in order. */
  readonly statements: readonly string[];
}

/** One PostgreSQL index the job looked at: its size, its bloat, and whether it was rebuilt. */
export interface IndexBloatReport {
  readonly table: string;
  readonly index: string;
  readonly bytes: number;
  /** Estimated bloat, % of the index's pages; null when it cannot be told (see `method`). */
  readonly bloatPercent: number | null;
  readonly wastedBytes: number | null;
  /** How the bloat was measured; null for an index not btree or without statistics yet. */
  readonly method: BloatMethod | null;
  readonly rebuilt: boolean;
}

/** What a rebuild returns. */
export interface IndexRebuildResult {
  readonly connection: string;
  /** The tables worked on, with their statements. */
  readonly tables: readonly TableMaintenance[];
  /** PostgreSQL: every index considered (of `minIndexBytes` and more), rebuilt or not; else empty. */
  readonly indexes: readonly IndexBloatReport[];
}

interface Plan {
  readonly byTable: Map<string, string[]>;
  readonly indexes: IndexBloatReport[];
}

/** Whether a PostgreSQL index is bloated enough to rebuild. */
const bloatedEnough = (index: IndexInfo, minBloatPercent: number) =>
  minBloatPercent === 0 || (index.bloat !== undefined && index.bloat.bloatPercent >= minBloatPercent);

function reportOf(index: IndexInfo, rebuilt: boolean): IndexBloatReport {
  return {
    table: index.table,
    index: index.index,
    bytes: index.bytes,
    bloatPercent: index.bloat?.bloatPercent ?? null,
    wastedBytes: index.bloat?.wastedBytes ?? null,
    method: index.bloat?.method ?? null,
    rebuilt,
  };
}

/** The statements to run, table by table, and on PostgreSQL the indexes considered. */
async function plan(conso: ConsoDb, params: Params, ctx: JobContext): Promise<Plan> {
  const byTable = new Map<string, string[]>();
  const indexes: IndexBloatReport[] = [];
  const add = (table: string, statement: string) =>
    byTable.set(table, [...(byTable.get(table) ?? []), statement]);
  if (conso.dialect === 'postgres') {
    for (const index of await postgresIndexes(conso.db, params.minIndexBytes, params.tables, () =>
      ctx.checkpoint(),
    )) {
      const rebuilt = bloatedEnough(index, params.minBloatPercent);
      indexes.push(reportOf(index, rebuilt));
      if (rebuilt) add(index.table, `reindex index concurrently "${index.index.replace(/"/g, '""')}"`);
    }
  } else if (conso.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`.execute(
      conso.db,
    );
    for (const { name } of rows) {
      if (params.tables !== undefined && !params.tables.includes(name)) continue;
      const quoted = `"${name.replace(/"/g, '""')}"`;
      add(name, `reindex ${quoted}`);
      add(name, `analyze ${quoted}`);
    }
  } else {
    const { rows } = await sql.raw<MssqlIndexFragmentation>(MSSQL_FRAGMENTATION_QUERY).execute(conso.db);
    for (const row of rows) {
      if (params.tables !== undefined && !params.tables.includes(row.table)) continue;
      const statement = mssqlIndexStatement(row, params);
      if (statement !== undefined) add(row.table, statement);
    }
  }
  return { byTable, indexes };
}

/** One log entry per PostgreSQL index considered: its estimate and what the job does with it. */
function reportBloat(ctx: JobContext, indexes: readonly IndexBloatReport[]): void {
  for (const index of indexes) {
    const decision = index.rebuilt ? 'utils.progress.indexRebuilding' : 'utils.progress.indexKept';
    ctx.info(
      index.bloatPercent === null
        ? t('utils.progress.indexBloatUnknown', { table: index.table, index: index.index, decision })
        : t('utils.progress.indexBloat', {
            table: index.table,
            index: index.index,
            bloat: index.bloatPercent,
            wasted: index.wastedBytes ?? 0,
            method: index.method ?? '',
            decision,
          }),
    );
  }
}

async function missingTable(conso: ConsoDb, tables: readonly string[]): Promise<number> {
  const known = new Set((await conso.db.introspection.getTables()).map((table) => table.name));
  return tables.findIndex((table) => !known.has(table));
}

async function runTable(conso: ConsoDb, statements: readonly string[], ctx: JobContext): Promise<void> {
  await conso.db.connection().execute(async (connection) => {
    const stop = await cancelRunningStatementOnAbort(conso.dialect, conso.db, connection, ctx.signal);
    try {
      for (const statement of statements) {
        await checkpointTurn(ctx);
        await sql.raw(statement).execute(connection);
      }
    } finally {
      stop();
    }
  });
}

/**
 * Rebuilds indexes table by table: PostgreSQL `REINDEX INDEX CONCURRENTLY` (writes go on) of the
 * indexes of at least `minIndexBytes` whose estimated bloat reaches `minBloatPercent`, largest
 * first; SQLite `REINDEX` and `ANALYZE`; SQL Server
 * `ALTER INDEX … REORGANIZE` or `REBUILD` by fragmentation. Progress per table; cancellation
 * stops the running statement on PostgreSQL (dropping the half-built copy) and is checked
 * between statements elsewhere. System jobs only, unless the customer is in `sql.allowedCustomers`.
 */
export const indexRebuildJob = defineJob<Params, IndexRebuildResult, z.input<typeof indexRebuildParams>>({
  type: INDEX_REBUILD_JOB_TYPE,
  description: t('utils.job.indexRebuild'),
  params: indexRebuildParams,
  retry: { maxAttempts: 1 },
  concurrencyKey: (params) => `${INDEX_REBUILD_JOB_TYPE}:${params.connection}`,
  create: (services) => ({
    async execute(params, ctx) {
      const { url } = configuredConnection(
        utilsOptionsOf(services).sql,
        ctx,
        INDEX_REBUILD_JOB_TYPE,
        params.connection,
      );
      if (params.rebuildFrom < params.reorganizeFrom)
        throw new InvalidParamError('rebuildFrom', 'must not be below reorganizeFrom');
      const conso = await openConsoDb(url, { poolSize: 2 });
      try {
        const missing = params.tables === undefined ? -1 : await missingTable(conso, params.tables);
        if (missing >= 0)
          throw new InvalidParamError(`tables.${missing}`, `no table ${params.tables?.[missing]}`);
        const { byTable, indexes } = await plan(conso, params, ctx);
        reportBloat(ctx, indexes);
        const work = [...byTable.entries()];
        const done: TableMaintenance[] = [];
        for (const [index, [table, statements]] of work.entries()) {
          ctx.progress(t('utils.progress.indexTable', { table, done: index, total: work.length }), {
            current: index,
            total: work.length,
          });
          try {
            await runTable(conso, statements, ctx);
          } catch (error) {
            if (ctx.signal.aborted && conso.dialect === 'postgres') await dropInterruptedReindexes(conso.db);
            ctx.checkpoint();
            throw error;
          }
          done.push({ table, statements });
        }
        ctx.progress(t('utils.progress.indexDone', { total: work.length }), {
          current: work.length,
          total: work.length,
        });
        return { connection: params.connection, tables: done, indexes };
      } finally {
        await conso.close();
      }
    },
  }),
});

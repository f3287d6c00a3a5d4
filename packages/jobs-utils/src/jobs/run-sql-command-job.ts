import { type ConsoDialect, openConsoDb } from '@hangar/conso-db';
import { defineJob, type JobContext, t } from '@hangar/core';
import { type QueryExecutorProvider, sql } from 'kysely';
import { z } from 'zod';
import { checkpointTurn } from '../cancellation/checkpoint-turn.js';
import { InvalidParamError } from '../errors/invalid-param-error.js';
import { SqlStatementError } from '../errors/sql-statement-error.js';
import { utilsOptionsOf } from '../settings/utils-options.js';
import { cancelRunningStatementOnAbort } from '../sql/cancel-running-statement.js';
import { configuredConnection } from '../sql/configured-connection.js';
import { type ScriptStatement, ScriptSyntaxError, splitSqlScript } from '../sql/sql-splitter.js';

export const RUN_SQL_COMMAND_JOB_TYPE = 'utils.run-sql-command';

/** Parameters of {@link runSqlCommandJob}. */
export const runSqlCommandParams = z.object({
  /** Name of a connection in the operator's settings (`sql.connections`). */
  connection: z.string().min(1),
  /** The script: statements separated by `;` (batches separated by `GO` lines on SQL Server). */
  script: z.string(),
  /** `transaction`: all or nothing; `statements`: each statement commits on its own. */
  mode: z.enum(['transaction', 'statements']).default('transaction'),
});

/** What one statement did. */
export interface StatementOutcome {
  /** 1-based number of the statement in the script. */
  readonly statement: number;
  /** Line of the script where it starts. */
  readonly line: number;
  /** Rows inserted, updated or deleted; null for a statement that reports none. */
  readonly rowsAffected: number | null;
  /** Rows it returned (a `select`, or `returning`). */
  readonly rowsReturned: number;
}

/** What a successful run returns. */
export interface RunSqlCommandResult {
  readonly connection: string;
  readonly dialect: ConsoDialect;
  readonly mode: 'transaction' | 'statements';
  readonly statements: readonly StatementOutcome[];
}

type Params = z.output<typeof runSqlCommandParams>;

// Statements whose affected-row count means something (SQLite would report the last write's count for DDL).
const WRITES = /^(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*)(?:insert|update|delete|replace|merge|with)\b/i;

function statementsOf(params: Params, dialect: ConsoDialect): ScriptStatement[] {
  let statements: ScriptStatement[];
  try {
    statements = splitSqlScript(params.script, dialect);
  } catch (error) {
    if (error instanceof ScriptSyntaxError) throw new InvalidParamError('script', error.message);
    throw error;
  }
  if (statements.length === 0) throw new InvalidParamError('script', 'holds no statement');
  return statements;
}

async function runStatements(
  executor: QueryExecutorProvider,
  statements: readonly ScriptStatement[],
  ctx: JobContext,
  committedBefore: (index: number) => number,
): Promise<StatementOutcome[]> {
  const outcomes: StatementOutcome[] = [];
  for (const [index, statement] of statements.entries()) {
    await checkpointTurn(ctx);
    ctx.progress(
      t('utils.progress.statement', { statement: index + 1, total: statements.length, line: statement.line }),
      {
        current: index,
        total: statements.length,
      },
    );
    try {
      const result = await sql.raw(statement.sql).execute(executor);
      outcomes.push({
        statement: index + 1,
        line: statement.line,
        rowsAffected:
          result.numAffectedRows === undefined || !WRITES.test(statement.sql)
            ? null
            : Number(result.numAffectedRows),
        rowsReturned: result.rows.length,
      });
    } catch (error) {
      ctx.checkpoint(); // a statement cancelled on the server ends the job Cancelled, not Failed
      throw new SqlStatementError(index + 1, statement.line, committedBefore(index), error);
    }
  }
  return outcomes;
}

/**
 * Runs a SQL script on a connection the operator named in the settings, in one transaction or
 * statement by statement, and returns the row counts of each statement. Cancellation cancels the
 * running statement on PostgreSQL (`pg_cancel_backend`) and rolls the transaction back. A system
 * job only, unless the operator lists the customer in `sql.allowedCustomers`.
 */
export const runSqlCommandJob = defineJob<Params, RunSqlCommandResult, z.input<typeof runSqlCommandParams>>({
  type: RUN_SQL_COMMAND_JOB_TYPE,
  description: t('utils.job.runSqlCommand'),
  params: runSqlCommandParams,
  retry: { maxAttempts: 1 },
  create: (services) => ({
    async execute(params, ctx) {
      const options = utilsOptionsOf(services).sql;
      const { url, parsed } = configuredConnection(options, ctx, RUN_SQL_COMMAND_JOB_TYPE, params.connection);
      const { dialect } = parsed;
      const statements = statementsOf(params, dialect);
      ctx.checkpoint();
      const conso = await openConsoDb(url, { poolSize: 2 });
      try {
        const run = async (executor: QueryExecutorProvider, committed: (index: number) => number) => {
          const stop = await cancelRunningStatementOnAbort(dialect, conso.db, executor, ctx.signal);
          try {
            return await runStatements(executor, statements, ctx, committed);
          } finally {
            stop();
          }
        };
        const outcomes =
          params.mode === 'transaction'
            ? await conso.db.transaction().execute((trx) => run(trx, () => 0))
            : await conso.db.connection().execute((connection) => run(connection, (index) => index));
        ctx.progress(
          t('utils.progress.sqlDone', { connection: params.connection, total: statements.length }),
          {
            current: statements.length,
            total: statements.length,
          },
        );
        return { connection: params.connection, dialect, mode: params.mode, statements: outcomes };
      } finally {
        await conso.close();
      }
    },
  }),
});

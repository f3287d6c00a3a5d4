import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { ConfigurationError, type ErrorInfo, parseErrorInfoXml } from '@hangar/core';
import { type Kysely, sql } from 'kysely';

/** Arguments every consolidation stored procedure receives. */
export interface StoredProcedureArgs {
  /** `users.id` of the user who started the job, or null. */
  readonly userId: number | null;
  /** The conso. */
  readonly consoId: number;
  /** Selected company ids, comma-separated; empty for every company of the perimeter. */
  readonly companyIds: string;
  /** Whether dimensions are executed. */
  readonly executeDimensions: boolean;
  /** Debug flag. */
  readonly debug: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** Checks a configured procedure name (`name` or `schema.name`); it is spliced into SQL as an identifier. */
export function checkProcedureName(name: string): string {
  if (!NAME.test(name)) {
    throw new ConfigurationError('storedProcedures', `"${name}" is not a plain [schema.]name identifier`);
  }
  return name;
}

/**
 * Calls a step's stored procedure in the conso's transaction and returns the ErrorInfo parsed from
 * its `@errorinfo` XML output.
 *
 * - PostgreSQL: `CALL name(user_id, conso_id, company_ids, execute_dimensions, debug, NULL)`, the
 *   last parameter being `INOUT errorinfo text`.
 * - SQL Server: `EXEC name @UserID, @ConsoID, @CompanyIDs, @ExecuteDimensions, @Debug,
 *   @errorinfo OUTPUT` (compiled, not run here: no server in the test setup).
 */
export async function callStoredProcedure(
  trx: Kysely<ConsoDatabase>,
  name: string,
  args: StoredProcedureArgs,
): Promise<ErrorInfo> {
  const ident = sql.id(...checkProcedureName(name).split('.'));
  const dialect = consoDialectOf(trx);
  if (dialect === 'postgres') {
    const { rows } = await sql<{
      errorinfo: string | null;
    }>`call ${ident}(${args.userId}::integer, ${args.consoId}::integer, ${args.companyIds}::text, ${args.executeDimensions}::boolean, ${args.debug}::boolean, null::text)`.execute(
      trx,
    );
    return parseErrorInfoXml(rows[0]?.errorinfo ?? null);
  }
  if (dialect === 'mssql') {
    const { rows } = await sql<{ errorinfo: string | null }>`declare @errorinfo nvarchar(max);
exec ${ident} @UserID = ${args.userId}, @ConsoID = ${args.consoId}, @CompanyIDs = ${args.companyIds},
  @ExecuteDimensions = ${args.executeDimensions ? 1 : 0}, @Debug = ${args.debug ? 1 : 0}, @errorinfo = @errorinfo output;
select @errorinfo as errorinfo;`.execute(trx);
    return parseErrorInfoXml(rows[0]?.errorinfo ?? null);
  }
  throw new ConfigurationError(
    'storedProcedures',
    'stored procedures need PostgreSQL or SQL Server; SQLite has none',
  );
}

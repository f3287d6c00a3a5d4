import { type ConsoDatabase, type CustomParamType, consoDialectOf } from '@hangar/conso-db';
import { type ErrorInfo, parseErrorInfoXml } from '@hangar/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { checkProcedureName } from '../steps/stored-procedure.js';
import type { ProcedureArg } from './procedure-values.js';

/** What to run: the stored procedure (PostgreSQL, SQL Server) or the SQL script (SQLite). */
export interface CustomProcedureBody {
  readonly procedure_name: string | null;
  readonly sql_script: string | null;
}

const PG_TYPES: Readonly<Record<CustomParamType, string>> = {
  text: 'text',
  integer: 'integer',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
};

/**
 * Runs a custom procedure in `trx` and returns the ErrorInfo of its `@errorinfo` output.
 *
 * - PostgreSQL: `CALL name(p1 => $1::type, …, errorinfo => NULL)`, parameters by name, the
 *   procedure having an `INOUT errorinfo text` parameter.
 * - SQL Server: `EXEC name @p1 = …, @errorinfo = @errorinfo OUTPUT` (compiled, not run here).
 * - SQLite: the script's statements (separated by `;` at the end of a line) run in order, each
 *   with the named parameters (`:name`) it uses; a statement returning a column `errorinfo` gives
 *   the `@errorinfo` XML.
 */
export async function callCustomProcedure(
  trx: Kysely<ConsoDatabase>,
  body: CustomProcedureBody,
  args: readonly ProcedureArg[],
): Promise<ErrorInfo> {
  const dialect = consoDialectOf(trx);
  if (dialect === 'sqlite') return runScript(trx, body.sql_script ?? '', args);
  const ident = sql.id(...checkProcedureName(body.procedure_name ?? '').split('.'));
  if (dialect === 'postgres') {
    const named = args.map((a) => sql`${sql.id(a.name)} => ${a.value}::${sql.raw(PG_TYPES[a.type])}`);
    const { rows } = await sql<{ errorinfo: string | null }>`call ${ident}(${sql.join([
      ...named,
      sql`errorinfo => null::text`,
    ])})`.execute(trx);
    return parseErrorInfoXml(rows[0]?.errorinfo ?? null);
  }
  const named = args.map(
    (a) => sql`${sql.raw(`@${a.name}`)} = ${typeof a.value === 'boolean' ? Number(a.value) : a.value}`,
  );
  const { rows } = await sql<{ errorinfo: string | null }>`declare @errorinfo nvarchar(max);
exec ${ident} ${sql.join([...named, sql`@errorinfo = @errorinfo output`])};
select @errorinfo as errorinfo;`.execute(trx);
  return parseErrorInfoXml(rows[0]?.errorinfo ?? null);
}

async function runScript(
  trx: Kysely<ConsoDatabase>,
  script: string,
  args: readonly ProcedureArg[],
): Promise<ErrorInfo> {
  // better-sqlite3 binds a JS number as REAL: integers go as BigInt to stay INTEGER.
  const values = new Map<string, unknown>(
    args.map((a) => [
      a.name,
      typeof a.value === 'boolean'
        ? Number(a.value)
        : a.type === 'integer' && a.value !== null
          ? BigInt(a.value)
          : a.value,
    ]),
  );
  const info: ErrorInfo = [];
  for (const statement of script
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    // Each `:name` becomes a bound parameter: values never become SQL text.
    const parts = statement.split(/:([A-Za-z_][A-Za-z0-9_]*)/);
    const pieces: RawBuilder<unknown>[] = parts.map((part, i) =>
      i % 2 === 0 ? sql.raw(part) : sql`${values.has(part) ? (values.get(part) ?? null) : null}`,
    );
    const { rows } = await sql<{ errorinfo?: string | null }>`${sql.join(pieces, sql``)}`.execute(trx);
    for (const row of rows)
      if (typeof row.errorinfo === 'string') info.push(...parseErrorInfoXml(row.errorinfo));
  }
  return info;
}

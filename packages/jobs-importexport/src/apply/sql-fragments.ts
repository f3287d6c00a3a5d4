import { type RawBuilder, sql } from 'kysely';
import type { ConsoDialect } from '../db/conso-db.js';
import type { ApplyTarget, ScopeCondition, TargetColumn } from './apply-target.js';

/**
 * Key equality between two aliases, null matching null, written so each dialect can use its fast
 * join path: SQLite's `IS` uses indexes; PostgreSQL gets plain `=` on `coalesce`d values plus the
 * null flags, which it can hash-join (`IS NOT DISTINCT FROM` and `OR` forms it can only loop over);
 * SQL Server (compiled only here) gets the portable `OR` form.
 */
export function columnsMatch(
  dialect: ConsoDialect,
  left: string,
  right: string,
  columns: readonly TargetColumn[],
): RawBuilder<unknown> {
  const parts = columns.map((column) => {
    const a = sql.ref(`${left}.${column.name}`);
    const b = sql.ref(`${right}.${column.name}`);
    if (!column.nullable) return sql`${a} = ${b}`;
    if (dialect === 'sqlite') return sql`${a} is ${b}`;
    if (dialect === 'postgres') {
      const none = column.text ? sql.lit('') : sql.lit(-1);
      return sql`coalesce(${a}, ${none}) = coalesce(${b}, ${none}) and (${a} is null) = (${b} is null)`;
    }
    return sql`(${a} = ${b} or (${a} is null and ${b} is null))`;
  });
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

/** The scope conditions on alias `target` (staged values come from `staging`). */
export function scopeMatch(
  dialect: ConsoDialect,
  target: string,
  staging: string,
  scope: readonly ScopeCondition[],
): RawBuilder<unknown> {
  const parts = scope.map((condition) => {
    if ('tuple' in condition) {
      // The combinations staged (e.g. period and category together), not the cross product of their values.
      if (dialect !== 'mssql') {
        const here = sql.join(condition.tuple.map((name) => sql.ref(`${target}.${name}`)));
        const staged = sql.join(condition.tuple.map((name) => sql.ref(`s_scope.${name}`)));
        // A row-value IN is evaluated once into a set; a correlated EXISTS would rescan staging per target row.
        return sql`(${here}) in (select ${staged} from ${sql.table(staging)} as s_scope)`;
      }
      const match = sql.join(
        condition.tuple.map((name) => sql`${sql.ref(`s_scope.${name}`)} = ${sql.ref(`${target}.${name}`)}`),
        sql` and `,
      );
      return sql`exists (select 1 from ${sql.table(staging)} as s_scope where ${match})`;
    }
    const column = sql.ref(`${target}.${condition.column}`);
    if ('equals' in condition) return sql`${column} = ${condition.equals}`;
    if ('in' in condition) {
      if (condition.in.length === 0) return sql`1 = 0`;
      return sql`${column} in (${sql.join(condition.in.map((value) => sql.val(value)))})`;
    }
    return sql`${column} in (select ${sql.ref(`s_scope.${condition.column}`)} from ${sql.table(staging)} as s_scope)`;
  });
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

/** Key columns of a target, as column descriptions. */
export function keyColumns(target: ApplyTarget): TargetColumn[] {
  return target.key.map((name) => target.columns.find((column) => column.name === name) ?? { name });
}

/** `top (n)` on SQL Server, nothing elsewhere. */
export function topClause(dialect: ConsoDialect, n: number): RawBuilder<unknown> {
  return dialect === 'mssql' ? sql`top (${sql.lit(Math.trunc(n))})` : sql``;
}

/** `limit n` outside SQL Server. */
export function limitClause(dialect: ConsoDialect, n: number): RawBuilder<unknown> {
  return dialect === 'mssql' ? sql`` : sql`limit ${sql.lit(Math.trunc(n))}`;
}

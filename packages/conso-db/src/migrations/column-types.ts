import {
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  type Expression,
  type QueryExecutorProvider,
  type SqlBool,
  sql,
} from 'kysely';
import { type ConsoDialect, consoDialectOf } from '../dialects/conso-dialect.js';

/** A column type as `addColumn` accepts it (kysely does not export its own alias). */
export type DataTypeExpression = ColumnDataType | Expression<unknown>;

/** Column types of one dialect. The only place migrations may spell a dialect-specific type. */
export interface ColumnTypes {
  readonly dialect: ConsoDialect;
  /** Bounded Unicode text (NVARCHAR on SQL Server, whose VARCHAR is a code page). */
  text(length: number): DataTypeExpression;
  /** Unbounded text: TEXT, or NVARCHAR(MAX) because SQL Server's TEXT is deprecated. */
  readonly longText: DataTypeExpression;
  /** Money amounts: exact DECIMAL(28,10); REAL on SQLite, which has no exact decimal storage. */
  readonly amount: DataTypeExpression;
  /** Exchange rates. */
  readonly rate: DataTypeExpression;
  /** Percentages as fractions in [0, 1]. */
  readonly pct: DataTypeExpression;
  /** Constraints of an auto-numbered 32-bit integer primary key (type `integer`). */
  readonly id: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

/** Column types of the dialect behind `db`. */
export function columnTypesOf(db: QueryExecutorProvider): ColumnTypes {
  return columnTypesFor(consoDialectOf(db));
}

/** Column types of a dialect. */
export function columnTypesFor(dialect: ConsoDialect): ColumnTypes {
  const mssql = dialect === 'mssql';
  const exact = (type: DataTypeExpression): DataTypeExpression => (dialect === 'sqlite' ? 'real' : type);
  return {
    dialect,
    text: (length) => (mssql ? sql.raw(`nvarchar(${Math.trunc(length)})`) : `varchar(${length})`),
    longText: mssql ? sql.raw('nvarchar(max)') : 'text',
    amount: exact('decimal(28, 10)'),
    rate: exact('decimal(28, 12)'),
    pct: exact('decimal(18, 12)'),
    id: (col) => {
      switch (dialect) {
        // INTEGER PRIMARY KEY aliases the rowid, which SQLite numbers itself.
        case 'sqlite':
          return col.primaryKey();
        case 'postgres':
          return col.primaryKey().generatedByDefaultAsIdentity();
        case 'mssql':
          return col.primaryKey().identity();
      }
    },
  };
}

/** A CHECK expression `column IN ('a', 'b', ...)`, literals inlined because DDL takes no parameters. */
export function inList(column: string, values: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

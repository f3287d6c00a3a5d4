import { type RawBuilder, sql } from 'kysely';
import type { RawColumn } from './raw-csv-copy.js';

/**
 * The characters JavaScript's `String#trim` removes (WhiteSpace and LineTerminator), so `btrim`
 * in SQL gives the cell the streaming reader gives.
 */
export const JS_TRIM_CHARS =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * SQL for a raw COPY column's cell as the streaming reader reads it: trimmed, empty as null, null
 * when the file has no such column. A column whose values are never quoted and never start or end
 * with a byte that may be whitespace is used as it is: COPY already reads its empty fields as null,
 * and trimming a million values that have nothing to trim costs a second.
 */
export function cellText(alias: string, column: RawColumn | undefined): RawBuilder<string | null> {
  if (column === undefined) return sql<null>`null::text`;
  const ref = sql.ref(`${alias}.${column.name}`);
  if (!column.shape.needsTrim) return sql<string | null>`${ref}`;
  return sql<string | null>`nullif(btrim(${ref}, ${sql.lit(JS_TRIM_CHARS)}), '')`;
}

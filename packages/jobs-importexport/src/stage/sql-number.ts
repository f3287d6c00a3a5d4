import { type RawBuilder, sql } from 'kysely';
import { groupedNumberSource, type NumberFormat } from '../read/number-format.js';
import { CHARS, type ColumnShape } from './csv-shape-scanner.js';

/** `parseNumber`'s syntax, for PostgreSQL's regular expressions (`[0-9]`, as JavaScript's `\d`). */
const NUMBER_PATTERN = '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$';

/**
 * The largest magnitude a double rounds to within ±1e15 ({@link MAX_AMOUNT}): 1e15 plus half its
 * unit in the last place, a tie that rounds to even, that is to 1e15. Comparing the exact decimal
 * with it gives the verdict JavaScript gives on the parsed double.
 */
export const MAX_AMOUNT_EXACT = '1000000000000000.0625';

/**
 * SQL reading a cell as `parseNumber` does, as `numeric`: null for an empty cell or text that is not
 * a number in `format`. Values are exact (no trip through a double). A column made only of digits,
 * signs, exponents and the decimal separator is cast directly: a malformed value then makes the
 * statement fail (SQLSTATE 22P02) and the import streams the file instead, which reports it; others
 * go through the same steps as `parseNumber` (spaces, well-formed grouping, decimal comma, syntax).
 */
export function cellNumber(
  cell: RawBuilder<string | null>,
  shape: ColumnShape | undefined,
  format: NumberFormat,
): RawBuilder<string | null> {
  const comma = format.decimalSeparator === ',';
  const separator = comma ? CHARS.comma : CHARS.dot;
  const grouping = format.thousandsSeparator ?? '';
  const plain = CHARS.digit | CHARS.sign | CHARS.exponent | separator;
  if (shape && (shape.chars & ~plain) === 0 && (grouping === '' || !/[\d+\-eE.,]/.test(grouping))) {
    return comma
      ? sql<string | null>`replace(${cell}, ',', '.')::numeric`
      : sql<string | null>`${cell}::numeric`;
  }
  let text = sql<string>`translate(${cell}, ${sql.lit('\u00a0\u202f')}, '  ')`;
  let valid = sql<boolean>`true`;
  if (grouping !== '') {
    const grouped = groupedNumberSource(grouping, format.decimalSeparator);
    valid = sql<boolean>`(strpos(${text}, ${sql.lit(grouping)}) = 0 or ${text} ~ ${grouped})`;
    text = sql<string>`replace(${text}, ${sql.lit(grouping)}, '')`;
  }
  if (comma) {
    if (grouping !== '.') valid = sql<boolean>`${valid} and strpos(${text}, '.') = 0`;
    text = sql<string>`regexp_replace(${text}, ',', '.')`;
  }
  return sql<string | null>`case when ${valid} and ${text} ~ ${NUMBER_PATTERN} then (${text})::numeric end`;
}

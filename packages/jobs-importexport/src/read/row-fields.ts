import type { RowError } from '../validate/row-error.js';
import type { RowErrorCollector } from '../validate/row-error-collector.js';
import { type NumberFormat, parseNumber } from './number-format.js';
import type { CellValue, SourceRow } from './source-row.js';

/** Bounds of a numeric cell. */
export interface NumberBounds {
  /** Smallest allowed value (inclusive). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** Smallest allowed value, exclusive (e.g. 0 for rates). */
  above?: number;
}

/** Amounts beyond this are rejected: they would lose cents in a double and overflow DECIMAL(28,10). */
export const MAX_AMOUNT = 1e15;

/**
 * Typed access to the cells of one row. Each getter records a row error (with the row number and
 * column) for a bad cell and returns a placeholder; the caller checks {@link RowFields.failed}
 * before using the row.
 */
export class RowFields {
  /** Whether any cell of this row was invalid. */
  failed = false;

  constructor(
    /** The row read. */
    readonly source: SourceRow,
    private readonly errors: RowErrorCollector,
    private readonly numbers: NumberFormat,
    private readonly sheet?: string,
  ) {}

  /** Raw cell value. */
  raw(column: string): CellValue {
    return this.source.cells[column] ?? null;
  }

  /**
   * Cell as text, or null when empty; longer than `maxLength` (in UTF-16 units, as the staged
   * path counts them too) is an `invalidValue` error, the text still returned.
   */
  optionalText(column: string, maxLength?: number): string | null {
    const value = this.raw(column);
    if (value === null) return null;
    const text = String(value);
    if (maxLength !== undefined && text.length > maxLength) {
      this.fail({ column, problem: 'invalidValue', value: text, params: { allowed: `≤ ${maxLength}` } });
    }
    return text;
  }

  /** Cell as text; an empty cell is an error. */
  text(column: string): string {
    const value = this.optionalText(column);
    if (value === null) {
      this.fail({ column, problem: 'required' });
      return '';
    }
    return value;
  }

  /** Id of the code in the cell, looked up in `ids`; empty gives null, an unknown code an error. */
  optionalCode(column: string, ids: ReadonlyMap<string, number>, kind: string): number | null {
    const code = this.optionalText(column);
    if (code === null) return null;
    const id = ids.get(code);
    if (id === undefined) {
      this.fail({ column, problem: 'unknownCode', value: code, params: { kind } });
      return null;
    }
    return id;
  }

  /** Id of the code in the cell; empty or unknown is an error. */
  code(column: string, ids: ReadonlyMap<string, number>, kind: string): number {
    if (this.raw(column) === null) {
      this.fail({ column, problem: 'required' });
      return 0;
    }
    return this.optionalCode(column, ids, kind) ?? 0;
  }

  /** A value from a fixed list (case-insensitive match, returned as listed). */
  oneOf<T extends string>(column: string, allowed: readonly T[], fallback?: T): T {
    const value = this.optionalText(column);
    if (value === null) {
      if (fallback !== undefined) return fallback;
      this.fail({ column, problem: 'required' });
      return allowed[0] as T;
    }
    const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (match === undefined) {
      this.fail({ column, problem: 'invalidValue', value, params: { allowed: allowed.join(', ') } });
      return allowed[0] as T;
    }
    return match;
  }

  /** A number; empty gives null. */
  optionalNumber(column: string, bounds: NumberBounds = {}): number | null {
    const value = this.raw(column);
    if (value === null) return null;
    const parsed = parseNumber(value, this.numbers);
    if (parsed === undefined) {
      this.fail({ column, problem: 'notNumeric', value });
      return null;
    }
    const min = bounds.min ?? -MAX_AMOUNT;
    const max = bounds.max ?? MAX_AMOUNT;
    if (parsed < min || parsed > max || (bounds.above !== undefined && parsed <= bounds.above)) {
      this.fail({
        column,
        problem: 'outOfRange',
        value,
        params: { min: bounds.above ?? min, max },
      });
      return null;
    }
    return parsed;
  }

  /** A number; empty is an error. */
  number(column: string, bounds: NumberBounds = {}): number {
    if (this.raw(column) === null) {
      this.fail({ column, problem: 'required' });
      return 0;
    }
    return this.optionalNumber(column, bounds) ?? 0;
  }

  /** Records an error on this row (row number and sheet filled in). */
  fail(error: Omit<RowError, 'row' | 'sheet'>): void {
    this.failed = true;
    this.errors.add({
      ...error,
      row: this.source.row,
      ...(this.sheet === undefined ? {} : { sheet: this.sheet }),
    });
  }
}

import type { CellValue } from './source-row.js';

/** How numbers are written in a file. */
export interface NumberFormat {
  /** `.` or `,`. */
  decimalSeparator: '.' | ',';
  /** Grouping character to ignore (`.`, `,`, space); none when undefined. */
  thousandsSeparator?: string | undefined;
}

/** Plain numbers with a decimal point and no grouping. */
export const PLAIN_NUMBERS: NumberFormat = { decimalSeparator: '.' };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number written in `format`; XLSX numbers pass through. Returns undefined for text that
 * is not a number, so the caller can report the cell rather than import a NaN.
 */
export function parseNumber(value: CellValue, format: NumberFormat): number | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  let text = value.trim().replace(/[\u00a0\u202f]/g, ' ');
  const grouping = format.thousandsSeparator;
  if (grouping !== undefined && grouping !== '' && text.includes(grouping)) {
    // Only well-formed groups of three are read: `1,23,4.5` or `12,34` is a typo, not 1234.
    if (!groupedNumberPattern(grouping, format.decimalSeparator).test(text)) return undefined;
    text = text.split(grouping).join('');
  }
  if (format.decimalSeparator === ',') {
    if (text.includes('.') && format.thousandsSeparator !== '.') return undefined;
    text = text.replace(',', '.');
  }
  if (!NUMBER.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * A number written with the grouping `separator`: one to three digits, then groups of exactly
 * three, then an optional decimal part (no exponent). `groupedNumberSource` is the same pattern
 * for PostgreSQL's regular expressions, so both paths read a file alike.
 */
export function groupedNumberPattern(separator: string, decimal: '.' | ','): RegExp {
  return new RegExp(groupedNumberSource(separator, decimal));
}

/** Source of {@link groupedNumberPattern}, in the syntax JavaScript and PostgreSQL share. */
export function groupedNumberSource(separator: string, decimal: '.' | ','): string {
  return `^[+-]?[0-9]{1,3}(${escapeRegExp(separator)}[0-9]{3})+(${escapeRegExp(decimal)}[0-9]*)?$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Writes a number for a text file in `format` (shortest exact form, no grouping). */
export function formatNumber(value: number, format: NumberFormat): string {
  const text = String(value);
  return format.decimalSeparator === ',' ? text.replace('.', ',') : text;
}

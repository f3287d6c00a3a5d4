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
  if (format.thousandsSeparator !== undefined && format.thousandsSeparator !== '') {
    text = text.split(format.thousandsSeparator).join('');
  }
  if (format.decimalSeparator === ',') {
    if (text.includes('.') && format.thousandsSeparator !== '.') return undefined;
    text = text.replace(',', '.');
  }
  if (!NUMBER.test(text)) return undefined;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Writes a number for a text file in `format` (shortest exact form, no grouping). */
export function formatNumber(value: number, format: NumberFormat): string {
  const text = String(value);
  return format.decimalSeparator === ',' ? text.replace('.', ',') : text;
}

import type { CellValue } from './source-row.js';

/**
 * Flattens an exceljs cell value to text or a number: formulas give their cached result, rich
 * text its plain text, hyperlinks their text, dates `YYYY-MM-DD` (or a full ISO timestamp).
 */
export function xlsxCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if ('result' in cell) return xlsxCellValue(cell.result);
    if (Array.isArray(cell.richText)) {
      return xlsxCellValue(cell.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join(''));
    }
    if ('text' in cell) return xlsxCellValue(cell.text);
    if ('error' in cell) return null;
  }
  return String(value);
}

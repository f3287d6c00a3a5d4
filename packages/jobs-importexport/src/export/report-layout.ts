/** Spreadsheet column letter of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A formula cell with its computed result, so readers that do not recalculate still see the value. */
export interface FormulaCell {
  formula: string;
  result: number;
}

/** `SUM(<from>:<to>)` over a range, with its result. */
export function sumCell(from: string, to: string, result: number): FormulaCell {
  return { formula: `SUM(${from}:${to})`, result: round(result) };
}

/** Rounds to cents-and-beyond precision so float noise does not show in reports. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

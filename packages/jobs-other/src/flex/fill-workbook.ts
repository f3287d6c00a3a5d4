import type ExcelJS from 'exceljs';
import { JobParamError } from '../errors/job-param-error.js';
import { parseSheetRange, type SheetRange } from './range-address.js';

/** The rectangle of a defined name, or `OTHER_PARAM_INVALID` naming the binding when it has none. */
export function namedRange(workbook: ExcelJS.Workbook, name: string, param: string): SheetRange {
  const { ranges } = workbook.definedNames.getRanges(name);
  const [only] = ranges;
  const range = ranges.length === 1 && only !== undefined ? parseSheetRange(only) : undefined;
  if (range === undefined || workbook.getWorksheet(range.sheet) === undefined) {
    throw new JobParamError(param, `the template has no single-rectangle name "${name}"`);
  }
  return range;
}

/** Writes `values` into the range; cells holding a formula keep it. Returns the cells written. */
export function fillRange(
  workbook: ExcelJS.Workbook,
  range: SheetRange,
  values: readonly (readonly number[])[],
): number {
  const sheet = workbook.getWorksheet(range.sheet) as ExcelJS.Worksheet;
  let written = 0;
  values.forEach((line, r) => {
    line.forEach((value, c) => {
      const cell = sheet.getCell(range.top + r, range.left + c);
      if (cell.formula) return;
      cell.value = value;
      written += 1;
    });
  });
  return written;
}

/**
 * Keeps every formula but drops its cached result, and asks the spreadsheet application to
 * recalculate the whole workbook when it opens it, so no stale total is ever shown.
 */
export function markForRecalculation(workbook: ExcelJS.Workbook): number {
  let formulas = 0;
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value as { formula?: string; sharedFormula?: string } | null;
        if (value === null || typeof value !== 'object') return;
        if (typeof value.formula === 'string') {
          cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
          formulas += 1;
        } else if (typeof value.sharedFormula === 'string') {
          cell.value = { sharedFormula: value.sharedFormula } as ExcelJS.CellSharedFormulaValue;
          formulas += 1;
        }
      });
    });
  });
  workbook.calcProperties.fullCalcOnLoad = true;
  return formulas;
}

import type ExcelJS from 'exceljs';
import type { ReportAccount, ReportData } from './report-data.js';
import { columnLetter, type FormulaCell, round, sumCell } from './report-layout.js';

type Cell = string | number | FormulaCell | null;

const FIRST_AMOUNT_COLUMN = 3;

// A streaming worksheet does not count its committed rows, so the row numbers formulas need are tracked here.
const lastRows = new WeakMap<ExcelJS.Worksheet, number>();

/** Number the next row of `sheet` will get. */
function nextRow(sheet: ExcelJS.Worksheet): number {
  return (lastRows.get(sheet) ?? 0) + 1;
}

/** Writes one row; bold for totals. Streaming rows are committed at once. */
function put(sheet: ExcelJS.Worksheet, values: Cell[], bold = false): number {
  lastRows.set(sheet, nextRow(sheet));
  const row = sheet.addRow(values);
  if (bold) row.font = { bold: true };
  const number = row.number;
  row.commit();
  return number;
}

/** Amount rows of `accounts` (one column per company, then the consolidated SUM); returns their row numbers and column totals. */
function accountRows(
  sheet: ExcelJS.Worksheet,
  data: ReportData,
  accounts: readonly ReportAccount[],
): { first: number; last: number; totals: number[]; byRole: Map<string, { row: number; values: number[] }> } {
  const lastCompany = columnLetter(FIRST_AMOUNT_COLUMN + data.companies.length - 1);
  const totals = data.companies.map(() => 0);
  const byRole = new Map<string, { row: number; values: number[] }>();
  let first = 0;
  let last = 0;
  for (const account of accounts) {
    const values = data.companies.map((company) =>
      round(data.amounts.get(`${company.id}/${account.id}`) ?? 0),
    );
    values.forEach((value, index) => {
      totals[index] = (totals[index] ?? 0) + value;
    });
    const rowNumber = nextRow(sheet);
    const total = values.reduce((sum, value) => sum + value, 0);
    last = put(sheet, [
      account.code,
      account.name,
      ...values,
      sumCell(`${columnLetter(FIRST_AMOUNT_COLUMN)}${rowNumber}`, `${lastCompany}${rowNumber}`, total),
    ]);
    first ||= last;
    if (account.role) byRole.set(account.role, { row: last, values });
  }
  return { first, last, totals, byRole };
}

/** A total row: a SUM formula per company column and for the consolidated column. */
function totalRow(
  sheet: ExcelJS.Worksheet,
  label: string,
  first: number,
  last: number,
  totals: readonly number[],
): number {
  const columns = totals.length + 1;
  const cells: Cell[] = [];
  for (let index = 0; index < columns; index++) {
    const letter = columnLetter(FIRST_AMOUNT_COLUMN + index);
    const result = index < totals.length ? (totals[index] ?? 0) : totals.reduce((s, v) => s + v, 0);
    cells.push(first === 0 ? 0 : sumCell(`${letter}${first}`, `${letter}${last}`, result));
  }
  return put(sheet, ['', label, ...cells], true);
}

/** A row computed cell by cell from other rows of the same column, e.g. `=C20-C14`. */
function derivedRow(
  sheet: ExcelJS.Worksheet,
  label: string,
  columns: number,
  build: (letter: string, index: number) => FormulaCell,
): number {
  const cells: Cell[] = [];
  for (let index = 0; index < columns; index++)
    cells.push(build(columnLetter(FIRST_AMOUNT_COLUMN + index), index));
  return put(sheet, ['', label, ...cells], true);
}

/** The header: account, name, one column per company, consolidated. */
function header(sheet: ExcelJS.Worksheet, title: string, data: ReportData): void {
  put(sheet, [title], true);
  put(sheet, ['Account', 'Name', ...data.companies.map((c) => c.code), 'Consolidated'], true);
}

/** Where the income statement puts its lines: the balance sheet refers to its cells. */
function incomeStatementRows(data: ReportData): {
  accounts: ReportAccount[];
  totalRow: number;
  nciRow: number | undefined;
} {
  const accounts = data.accounts.filter((a) => a.type === 'PL');
  // Two header rows, one row per account, then the total.
  const index = accounts.findIndex((a) => a.role === 'nci_result');
  return { accounts, totalRow: 3 + accounts.length, nciRow: index < 0 ? undefined : 3 + index };
}

/**
 * Balance sheet: BS lines and total, equity lines, the period result (linked to the income
 * statement), total equity, the check that everything sums to zero, and equity split into
 * non-controlling interests (NCI equity and their share of the result) and group share.
 */
export function writeBalanceSheet(sheet: ExcelJS.Worksheet, data: ReportData): void {
  header(sheet, 'Consolidated balance sheet (debit positive)', data);
  const columns = data.companies.length + 1;
  const all = (values: readonly number[], index: number) =>
    index < values.length ? (values[index] ?? 0) : values.reduce((s, v) => s + v, 0);
  const bs = accountRows(
    sheet,
    data,
    data.accounts.filter((a) => a.type === 'BS'),
  );
  const bsTotal = totalRow(sheet, 'Total assets and liabilities', bs.first, bs.last, bs.totals);
  const eq = accountRows(
    sheet,
    data,
    data.accounts.filter((a) => a.type === 'EQ'),
  );
  const eqTotal = totalRow(sheet, 'Total equity before the result', eq.first, eq.last, eq.totals);
  const is = incomeStatementRows(data);
  const plValues = (account: ReportAccount) =>
    data.companies.map((c) => round(data.amounts.get(`${c.id}/${account.id}`) ?? 0));
  const result = data.companies.map((_, i) => is.accounts.reduce((sum, a) => sum + (plValues(a)[i] ?? 0), 0));
  const nciAccount = is.accounts.find((a) => a.role === 'nci_result');
  const nciResult = nciAccount ? plValues(nciAccount) : data.companies.map(() => 0);
  const resultRow = derivedRow(sheet, 'Result of the period', columns, (l, i) => ({
    formula: `'Income statement'!${l}${is.totalRow}`,
    result: round(all(result, i)),
  }));
  const equityTotal = derivedRow(sheet, 'Total equity', columns, (l, i) => ({
    formula: `${l}${eqTotal}+${l}${resultRow}`,
    result: round(all(eq.totals, i) + all(result, i)),
  }));
  derivedRow(sheet, 'Check: assets, liabilities and equity sum to zero', columns, (l, i) => ({
    formula: `${l}${bsTotal}+${l}${equityTotal}`,
    result: round(all(bs.totals, i) + all(eq.totals, i) + all(result, i)),
  }));
  const nci = eq.byRole.get('nci');
  const nciEquity = nci?.values ?? data.companies.map(() => 0);
  // NCI_PL is a debit when the minorities' share is a profit, which adds to their (credit) equity.
  const nciRow = derivedRow(sheet, 'Equity, non-controlling interests', columns, (l, i) => ({
    formula: [nci ? `${l}${nci.row}` : '0', is.nciRow ? `-'Income statement'!${l}${is.nciRow}` : ''].join(''),
    result: round(all(nciEquity, i) - all(nciResult, i)),
  }));
  derivedRow(sheet, 'Equity, group share', columns, (l, i) => ({
    formula: `${l}${equityTotal}-${l}${nciRow}`,
    result: round(all(eq.totals, i) + all(result, i) - (all(nciEquity, i) - all(nciResult, i))),
  }));
}

/** Income statement: PL lines, result before attribution, NCI share and group share of the result. */
export function writeIncomeStatement(sheet: ExcelJS.Worksheet, data: ReportData): void {
  header(sheet, 'Consolidated income statement (debit positive; a profit is negative)', data);
  const columns = data.companies.length + 1;
  const pl = accountRows(
    sheet,
    data,
    data.accounts.filter((a) => a.type === 'PL'),
  );
  const plTotal = totalRow(sheet, 'Total income statement lines', pl.first, pl.last, pl.totals);
  const all = (totals: readonly number[], index: number) =>
    index < totals.length ? (totals[index] ?? 0) : totals.reduce((s, v) => s + v, 0);
  const nci = pl.byRole.get('nci_result');
  const nciValues = nci?.values ?? data.companies.map(() => 0);
  // Net result = −Σ PL; the NCI_PL line is the minorities' share, a debit when that share is a profit.
  derivedRow(sheet, 'Net result before attribution', columns, (l, i) => ({
    formula: nci ? `-${l}${plTotal}+${l}${nci.row}` : `-${l}${plTotal}`,
    result: round(-all(pl.totals, i) + all(nciValues, i)),
  }));
  derivedRow(sheet, 'Net result, non-controlling interests', columns, (l, i) => ({
    formula: nci ? `${l}${nci.row}` : '0',
    result: round(all(nciValues, i)),
  }));
  derivedRow(sheet, 'Net result, group share', columns, (l, i) => ({
    formula: `-${l}${plTotal}`,
    result: round(-all(pl.totals, i)),
  }));
}

/** The perimeter: method and percentages per company. */
export function writeOwnership(sheet: ExcelJS.Worksheet, data: ReportData): void {
  put(sheet, ['Company', 'Method', 'Group %', 'Minority %', 'Integration %'], true);
  for (const c of data.companies) put(sheet, [c.code, c.method, c.groupPct, c.minorityPct, c.integrationPct]);
}

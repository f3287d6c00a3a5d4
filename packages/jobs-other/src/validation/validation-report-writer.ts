import type { Translator } from '@hangar/core';
import type { FileSink, StoredFile } from '@hangar/jobs-importexport';
import ExcelJS from 'exceljs';
import type { RuleOutcome, ValidationFailure } from './validation-types.js';

/** What the summary sheet states. */
export interface ReportHeading {
  conso: string;
  period: string;
  category: string;
  companies: number;
}

const AMOUNT_FORMAT = '#,##0.00';

/**
 * Writes the validation workbook with exceljs's streaming writer: a summary sheet (the conso,
 * totals, one line per rule), then the failures sheet (company, partner, rule, expected, actual,
 * difference), every label in `language`.
 */
export async function writeValidationReport(
  sink: FileSink,
  translator: Translator,
  language: string,
  heading: ReportHeading,
  outcomes: readonly RuleOutcome[],
  failures: readonly ValidationFailure[],
): Promise<StoredFile> {
  const label = (key: string) => translator.render({ key: `other.report.${key}` }, language);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink.stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const summary = workbook.addWorksheet(label('sheet.summary'));
  summary.columns = [
    { width: 24 },
    { width: 44 },
    { width: 14 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
  ];
  const checks = outcomes.reduce((n, o) => n + o.checks, 0);
  const rows: [string, string | number][] = [
    [label('summary.conso'), heading.conso],
    [label('summary.period'), heading.period],
    [label('summary.category'), heading.category],
    [label('summary.companies'), heading.companies],
    [label('summary.checks'), checks],
    [label('summary.failures'), failures.length],
    [label('summary.blockingFailures'), failures.filter((f) => f.blocking).length],
  ];
  for (const row of rows) summary.addRow(row).commit();
  summary.addRow([]).commit();
  summary
    .addRow(['rule', 'name', 'kind', 'checks', 'failures', 'blocking'].map((key) => label(`col.${key}`)))
    .commit();
  for (const outcome of outcomes) {
    summary
      .addRow([
        outcome.rule,
        translator.render({ key: outcome.name }, language),
        label(`kind.${outcome.kind}`),
        outcome.checks,
        outcome.failures,
        outcome.blocking ? label('yes') : label('no'),
      ])
      .commit();
  }
  summary.commit();
  const sheet = workbook.addWorksheet(label('sheet.failures'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 16 },
    { width: 14 },
    { width: 12 },
    { width: 12 },
    { width: 18, style: { numFmt: AMOUNT_FORMAT } },
    { width: 18, style: { numFmt: AMOUNT_FORMAT } },
    { width: 18, style: { numFmt: AMOUNT_FORMAT } },
    { width: 10 },
    { width: 40 },
  ];
  sheet
    .addRow(
      ['company', 'partner', 'rule', 'kind', 'expected', 'actual', 'difference', 'blocking', 'note'].map(
        (key) => label(`col.${key}`),
      ),
    )
    .commit();
  for (const failure of failures) {
    sheet
      .addRow([
        failure.company,
        failure.partner,
        failure.rule,
        label(`kind.${failure.kind}`),
        failure.expected,
        failure.actual,
        failure.difference,
        failure.blocking ? label('yes') : label('no'),
        failure.note === null ? null : translator.render({ key: failure.note }, language),
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return sink.close();
}

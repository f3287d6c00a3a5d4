import type { MessageCatalog } from '@hangar/core';

/** English messages of every key the import and export jobs emit. */
export const messagesEn = {
  'importexport.job.importData': 'Import reported data (bundles) from a CSV or XLSX file',
  'importexport.job.exportData': 'Export reported data (bundles) to a CSV or XLSX file',
  'importexport.progress.rows': '{file}: {read} rows read, {written} rows staged ({percent}% of the file)',
  'importexport.progress.imported':
    '{file}: {read} rows read, {written} rows written, {deleted} rows replaced',
  'importexport.progress.exported': '{file}: {rows} rows written',
  'importexport.progress.exportDone': '{file} written: {rows} rows, {size} bytes',
  'importexport.error.validation': 'Import of {file} failed: {count} invalid rows; nothing was written',
  'importexport.error.validationTruncated':
    'Import of {file} stopped after {count} errors (the error limit); nothing was written',
  'importexport.error.file.missingColumns': 'Cannot import {file}: {detail}',
  'importexport.error.file.unreadable': 'Cannot read {file}: {detail}',
  'importexport.error.file.unsupportedFormat': 'Cannot import {file}: {detail}',
  'importexport.error.file.missingSheet': 'Cannot import {file}: {detail}',
  'importexport.error.file.invalidJson': 'Cannot import {file}: {detail}',
  'importexport.error.fileLocation.outsideStore': 'Parameter {param}: "{location}" is outside the file store',
  'importexport.error.fileLocation.outsideArea':
    'Parameter {param}: "{location}" is outside {area}, the only files this job may read',
  'importexport.error.fileLocation.notPlainId':
    'Cannot keep files for {param} "{location}": a folder name is letters, digits, ".", "_" and "-"',
  'importexport.error.fileLocation.notPlainName': 'Parameter {param}: "{location}" is not a plain file name',
  'importexport.error.storedFile.missing': 'No file at {location}',
  'importexport.error.storedFile.notAFile': '{location} is not a file',
  'importexport.error.storedFile.unreadable': 'Cannot read {location} ({reason})',
  'importexport.error.storedFile.unwritable': 'Cannot write {location} ({reason})',
  'importexport.error.profile': 'Mapping profile "{profile}" is invalid: {problem}',
  'importexport.row.required': '{file} row {row}, column {column}: a value is required',
  'importexport.row.unknownCode': '{file} row {row}, column {column}: unknown {kind} "{value}"',
  'importexport.row.notNumeric': '{file} row {row}, column {column}: "{value}" is not a number',
  'importexport.row.outOfRange': '{file} row {row}, column {column}: {value} is outside [{min}, {max}]',
  'importexport.row.invalidValue':
    '{file} row {row}, column {column}: "{value}" is not allowed (expected {allowed})',
  'importexport.row.invalidDate':
    '{file} row {row}, column {column}: "{value}" is not a date in the format {format}',
  'importexport.row.duplicateKey': '{file} row {row}, column {column}: duplicates the key of row {firstRow}',
  'importexport.row.unbalanced':
    '{file} row {row}, column {column}: {kind} {group} does not balance (total {total})',
  'importexport.row.summaryAccount':
    '{file} row {row}, column {column}: account {value} is a summary account',
  'importexport.row.outOfScope':
    '{file} row {row}, column {column}: {value} is outside the companies being imported',
  'importexport.row.inconsistent':
    '{file} row {row}, column {column}: "{value}" differs from the first line of {group}',
  'importexport.row.cycle': '{file} row {row}, column {column}: parent {value} makes the hierarchy loop',
  'importexport.row.fieldCount':
    '{file} row {row}: {actual} fields where the header has {expected} (from column {column}); the row was not read',
  'importexport.row.errorCell':
    '{file} row {row}, column {column}: the cell holds the error {value}, not a value',
  'importexport.row.repeatedColumn':
    '{file} row {row}, column {column}: the header names this column more than once and the row gives it different values ("{value}" first)',
  'importexport.row.unnamedColumn':
    '{file} row {row}, column {column}: "{value}" is in a column the header does not name',
  'importexport.job.importAdjustments':
    'Import the adjustment journals of a conso (every journal must balance)',
  'importexport.job.exportAdjustments': 'Export the adjustment journals of a conso',
  'importexport.job.importExRate':
    'Import exchange rates (closing and average per period and category) or historical rates',
  'importexport.job.exportExRate': 'Export exchange rates or the historical rates of a conso',
  'importexport.job.importStructure':
    'Import the structure workbook: companies, accounts, flows, periods, categories, holdings, IC rules',
  'importexport.job.exportStructure': 'Export the structure workbook',
  'importexport.job.importTranslation': 'Import UI and message translations',
  'importexport.job.exportTranslation': 'Export UI and message translations',
  'importexport.job.importBundle':
    "Import one company's bundle workbook (bundle, adjustments, historical rates)",
  'importexport.job.importGroupFile': 'Import a whole group from a JSON group file',
  'importexport.job.genericImport': 'Import a file through a saved mapping profile',
  'importexport.job.genericExport': 'Export a table through a saved mapping profile',
  'importexport.job.exportCube': 'Export a conso as a star schema (Parquet or CSV)',
  'importexport.job.exportReportingSolutions': 'Export the XLSX report pack of a conso',
  'importexport.progress.groupFile': '{file}: group imported into conso {conso}, {rows} rows written',
  'importexport.progress.cubeDone': 'Cube of conso {conso} written: {rows} facts in {files} files',
  'importexport.warning.ignoredKeys': '{file}: ignored keys {keys}',
} as const satisfies MessageCatalog;

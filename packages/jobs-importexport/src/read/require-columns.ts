import { ImportFileError } from '../errors/import-file-error.js';
import type { SourceSheet } from './source-row.js';

/** Fails the import when the sheet's header lacks any of `required` (file-level: no row can be read). */
export function requireColumns(
  file: string,
  sheet: Pick<SourceSheet, 'name' | 'header'>,
  required: readonly string[],
): void {
  const missing = required.filter((column) => !sheet.header.includes(column));
  if (missing.length > 0) {
    const where = sheet.name === file ? '' : ` in sheet "${sheet.name}"`;
    throw new ImportFileError(file, 'missingColumns', `missing column(s) ${missing.join(', ')}${where}`);
  }
}

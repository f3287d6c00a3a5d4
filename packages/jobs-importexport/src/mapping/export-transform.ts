import { formatNumber } from '../read/number-format.js';
import type { TableFormat } from '../read/open-source.js';
import type { CellValue } from '../read/source-row.js';
import { formatDate } from './date-format.js';
import type { GenericLookups } from './generic-lookups.js';
import type { GenericColumn } from './generic-tables.js';
import type { ColumnMapping } from './mapping-profile.js';

/** The file value of a stored column: the inverse of the import transforms, so an export re-imports as is. */
export function exportValue(
  value: unknown,
  mapping: ColumnMapping,
  column: GenericColumn,
  lookups: GenericLookups,
  format: TableFormat,
): CellValue {
  if (value === null || value === undefined) return null;
  if (column.ref && (column.type === 'text' || mapping.lookup === 'code')) {
    return lookups.byId[column.ref].get(column.type === 'text' ? String(value) : Number(value)) ?? null;
  }
  switch (column.type) {
    case 'id':
    case 'integer':
      return Number(value);
    case 'number': {
      const number = Number(value);
      const signed = mapping.flipSign && number !== 0 ? -number : number;
      // XLSX keeps numbers as numbers; a CSV gets the mapping's decimal separator.
      if (format === 'xlsx' || !mapping.numberFormat) return signed;
      return formatNumber(signed, { decimalSeparator: mapping.numberFormat.decimal });
    }
    case 'date':
      return formatDate(String(value), mapping.dateFormat);
    case 'text':
      return String(value);
  }
}

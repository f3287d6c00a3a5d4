import { type NumberFormat, parseNumber } from '../read/number-format.js';
import type { RowFields } from '../read/row-fields.js';
import type { StagingType, StagingValue } from '../stage/staging-table.js';
import { parseDate } from './date-format.js';
import type { GenericLookups } from './generic-lookups.js';
import type { GenericColumn } from './generic-tables.js';
import type { ColumnMapping } from './mapping-profile.js';

/** Staging type of a generic column. */
export function stagingTypeOf(column: GenericColumn): StagingType {
  return column.type === 'id' || column.type === 'integer'
    ? 'integer'
    : column.type === 'number'
      ? 'amount'
      : 'text';
}

/**
 * The value of one target column for one row: the mapped source cell or the constant, with the
 * mapping's transforms (code lookup, sign flip, number and date layouts) applied. A bad value is
 * reported on the source column (or the target column for a constant) and gives null.
 */
export function importValue(
  fields: RowFields,
  mapping: ColumnMapping,
  column: GenericColumn,
  lookups: GenericLookups,
  numbers: NumberFormat,
): StagingValue {
  const where = mapping.source ?? mapping.target;
  const raw = mapping.constant !== undefined ? mapping.constant : fields.raw(mapping.source ?? '');
  if (raw === null || raw === '') {
    if (!column.nullable) fields.fail({ column: where, problem: 'required' });
    return null;
  }
  const text = String(raw);
  if (column.ref && (column.type === 'text' || mapping.lookup === 'code')) {
    const id = lookups.byCode[column.ref].get(text);
    if (id === undefined)
      fields.fail({ column: where, problem: 'unknownCode', value: text, params: { kind: column.ref } });
    return id ?? null;
  }
  switch (column.type) {
    case 'id':
    case 'integer': {
      const value = parseNumber(raw, numbers);
      if (value === undefined || !Number.isInteger(value)) {
        fields.fail({ column: where, problem: 'notNumeric', value: text });
        return null;
      }
      return value;
    }
    case 'number': {
      const format = mapping.numberFormat
        ? {
            decimalSeparator: mapping.numberFormat.decimal,
            thousandsSeparator: mapping.numberFormat.thousands,
          }
        : numbers;
      const value = parseNumber(raw, format);
      if (value === undefined) {
        fields.fail({ column: where, problem: 'notNumeric', value: text });
        return null;
      }
      return mapping.flipSign && value !== 0 ? -value : value;
    }
    case 'date': {
      const value = parseDate(text, mapping.dateFormat);
      if (value === undefined)
        fields.fail({
          column: where,
          problem: 'invalidDate',
          value: text,
          params: { format: mapping.dateFormat },
        });
      return value ?? null;
    }
    case 'text':
      if (text.length > 400)
        fields.fail({
          column: where,
          problem: 'invalidValue',
          value: text.slice(0, 40),
          params: { allowed: '≤ 400 characters' },
        });
      return text;
  }
}

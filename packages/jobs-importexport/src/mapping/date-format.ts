/** Date layouts a mapping may name. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYYMMDD'] as const;

/** A date layout. */
export type DateFormat = (typeof DATE_FORMATS)[number];

const PATTERNS: Readonly<
  Record<DateFormat, { re: RegExp; order: readonly ['y' | 'm' | 'd', 'y' | 'm' | 'd', 'y' | 'm' | 'd'] }>
> = {
  'YYYY-MM-DD': { re: /^(\d{4})-(\d{2})-(\d{2})$/, order: ['y', 'm', 'd'] },
  'DD/MM/YYYY': { re: /^(\d{2})\/(\d{2})\/(\d{4})$/, order: ['d', 'm', 'y'] },
  'MM/DD/YYYY': { re: /^(\d{2})\/(\d{2})\/(\d{4})$/, order: ['m', 'd', 'y'] },
  'DD.MM.YYYY': { re: /^(\d{2})\.(\d{2})\.(\d{4})$/, order: ['d', 'm', 'y'] },
  YYYYMMDD: { re: /^(\d{4})(\d{2})(\d{2})$/, order: ['y', 'm', 'd'] },
};

/**
 * An XLSX date cell as the reader gives it: ISO text, at midnight when it has a time (a date with
 * another time of day is not a date, and trailing text is not a time).
 */
const ISO_CELL = /^(\d{4})-(\d{2})-(\d{2})(T00:00(:00(\.0+)?)?Z?)?$/;

/**
 * Reads a date written in `format` as `YYYY-MM-DD`; undefined when it is not a real date in that
 * layout. Strict: every field has the digits the layout names (`2023-2-1` is not `YYYY-MM-DD`),
 * the day exists in its month (`2023-02-30` does not), and nothing follows the date.
 */
export function parseDate(text: string, format: DateFormat): string | undefined {
  const pattern = PATTERNS[format];
  const match = pattern.re.exec(text);
  // XLSX date cells arrive as ISO text from the reader, whatever the layout of the CSV variant.
  const iso = match ? null : ISO_CELL.exec(text);
  const parts = (match ?? iso)?.slice(1, 4);
  if (!parts) return undefined;
  const order = match ? pattern.order : (['y', 'm', 'd'] as const);
  const value: Record<'y' | 'm' | 'd', number> = { y: 0, m: 0, d: 0 };
  order.forEach((part, index) => {
    value[part] = Number(parts[index]);
  });
  const date = new Date(Date.UTC(value.y, value.m - 1, value.d));
  if (
    date.getUTCFullYear() !== value.y ||
    date.getUTCMonth() !== value.m - 1 ||
    date.getUTCDate() !== value.d
  )
    return undefined;
  return date.toISOString().slice(0, 10);
}

/** Whether `text` is exactly a real `YYYY-MM-DD` date (no time, nothing around it). */
export function isIsoDate(text: string): boolean {
  return parseDate(text, 'YYYY-MM-DD') === text;
}

/** Writes a `YYYY-MM-DD` date in `format`. */
export function formatDate(iso: string, format: DateFormat): string {
  const [y = '', m = '', d = ''] = iso.slice(0, 10).split('-');
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'DD.MM.YYYY':
      return `${d}.${m}.${y}`;
    case 'YYYYMMDD':
      return `${y}${m}${d}`;
  }
}

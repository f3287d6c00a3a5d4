/** The characters COPY's text format reads as delimiters or escapes, with their escaped form. */
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A value as one field of COPY's text format (tab-separated, the default of `COPY … FROM STDIN`):
 * `\N` for null or undefined, `t`/`f` for booleans, numbers as written, objects as JSON, and text
 * with backslash, tab, newline and carriage return escaped so they cannot end the field or the row.
 */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (char) => ESCAPES[char] ?? char);
}

/** One row of COPY's text format: the fields of {@link copyText} separated by tabs, ending in a newline. */
export function copyTextRow(values: Iterable<unknown>): string {
  let line = '';
  let first = true;
  for (const value of values) {
    line += first ? copyText(value) : `\t${copyText(value)}`;
    first = false;
  }
  return `${line}\n`;
}

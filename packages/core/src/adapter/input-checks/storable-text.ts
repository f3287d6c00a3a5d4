/** A piece of text no adapter can store, and where it is. */
export interface UnstorableText {
  /** Dotted path of the field inside the checked value (`items.2.name`); empty for the value itself. */
  path: string;
  /** What is wrong with it, for the error message. */
  problem: string;
}

// A surrogate half without its partner. PostgreSQL refuses these (and NUL) in text and jsonb,
// so every adapter refuses them up front rather than fail differently at the database.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What makes `text` unstorable: a NUL character (U+0000) or a lone UTF-16 surrogate; undefined
 * when every adapter stores it as given.
 *
 * @example
 * unstorableTextProblem('a\u0000b'); // 'contains a NUL character (U+0000) at index 1'
 * unstorableTextProblem('😀'); // undefined: a well-formed surrogate pair is fine
 */
export function unstorableTextProblem(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `contains a NUL character (U+0000) at index ${nul}`;
  const lone = LONE_SURROGATE.exec(text);
  if (!lone) return undefined;
  const code = lone[0].charCodeAt(0).toString(16).toUpperCase();
  return `contains a lone UTF-16 surrogate (U+${code}) at index ${lone.index}`;
}

/**
 * The first string or object key in a JSON-like value that no adapter can store (see
 * `unstorableTextProblem`), with its dotted path; undefined when everything is storable. A key
 * that is itself unstorable is named with its bad characters escaped (`a\u0000b`), so that the
 * message stays printable.
 *
 * @example
 * findUnstorableText({ items: [{ name: 'x' }, { name: '\uD800' }] });
 * // { path: 'items.1.name', problem: 'contains a lone UTF-16 surrogate (U+D800) at index 0' }
 */
export function findUnstorableText(value: unknown): UnstorableText | undefined {
  return walk(value, [], new Set());
}

function walk(value: unknown, path: string[], seen: Set<object>): UnstorableText | undefined {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    return problem === undefined ? undefined : { path: path.join('.'), problem };
  }
  if (typeof value !== 'object' || value === null || value instanceof Date || seen.has(value)) {
    return undefined;
  }
  seen.add(value);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = walk(item, [...path, String(index)], seen);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = unstorableTextProblem(key);
    if (keyProblem !== undefined) {
      return { path: [...path, printable(key)].join('.'), problem: `has a key that ${keyProblem}` };
    }
    const found = walk(item, [...path, key], seen);
    if (found) return found;
  }
  return undefined;
}

/** `key` with NUL and lone surrogates written as JSON escapes (`\u0000`, `\ud800`). */
function printable(key: string): string {
  return JSON.stringify(key).slice(1, -1);
}

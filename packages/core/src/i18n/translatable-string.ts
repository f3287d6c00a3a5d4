/** Values a message parameter may take. */
export type MessageParam = string | number | boolean | null;

/** A user-facing message: a catalog key plus parameters, rendered in the reader's language. */
export interface TranslatableString {
  /** Catalog key, e.g. `conso.progress.bundles`. */
  key: string;
  /** Values substituted for `{name}` placeholders. */
  params?: Readonly<Record<string, MessageParam>>;
}

/** Builds a translatable string. */
export function t(key: string, params?: Readonly<Record<string, MessageParam>>): TranslatableString {
  return params === undefined ? { key } : { key, params };
}

/** A column of a target table filled from the staging column of the same name. */
export interface TargetColumn {
  readonly name: string;
  /** Whether it may be null (key columns then match null to null). */
  readonly nullable?: boolean;
  /** A text column (for the null stand-in of PostgreSQL key matches). */
  readonly text?: boolean;
}

/** A condition on the target rows an import owns: a fixed value, a list, or the values staged. */
export type ScopeCondition =
  | { readonly column: string; readonly equals: number | string }
  | { readonly column: string; readonly in: readonly (number | string)[] }
  | { readonly column: string; readonly inStaged: true }
  | { readonly tuple: readonly string[] };

/** Where and how staged rows go. */
export interface ApplyTarget {
  /** Target table. */
  readonly table: string;
  /** Columns copied from staging (same names there). */
  readonly columns: readonly TargetColumn[];
  /** Fixed values for further target columns (the scope's period, category, conso...). */
  readonly constants?: Readonly<Record<string, number | string>>;
  /** Natural key among `columns` (merge matches on it). */
  readonly key: readonly string[];
  /** The rows of the target this import may delete or update. */
  readonly scope: readonly ScopeCondition[];
}

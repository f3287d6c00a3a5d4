import type { ConsoDatabase } from '@hangar/conso-db';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/** One set-based copy: `insert into t (cols) select <cols, some replaced> from t s <joins> where <cond>`. */
export interface InsertSelect {
  /** Table copied within itself. */
  readonly table: string;
  /** Columns written (never `id`: new rows take new identities on every dialect). */
  readonly columns: readonly string[];
  /** Values replacing a source column, e.g. the new conso id; they may use the alias `s`. */
  readonly replace: Readonly<Record<string, RawBuilder<unknown>>>;
  /** Joins after `from t s`, e.g. to find a copied parent's new id by its natural key. */
  readonly joins?: RawBuilder<unknown>;
  /** Which source rows (alias `s`). */
  readonly where: RawBuilder<unknown>;
}

/** Runs one {@link InsertSelect}; returns the rows inserted. */
export async function insertSelect(db: Kysely<ConsoDatabase>, copy: InsertSelect): Promise<number> {
  const table = sql.table(copy.table);
  const targets = sql.join(copy.columns.map((column) => sql.ref(column)));
  const values = sql.join(copy.columns.map((column) => copy.replace[column] ?? sql.ref(`s.${column}`)));
  const result = await sql`insert into ${table} (${targets}) select ${values} from ${table} s ${
    copy.joins ?? sql``
  } where ${copy.where}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

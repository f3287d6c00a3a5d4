import { BackupInvalidError } from '../errors/backup-invalid-error.js';
import type { CustomerTable, SharedTable } from './customer-tables.js';

/** How one table of a customer archive goes in. */
export interface TableLoad {
  readonly name: string;
  /** The archive's columns, as its header names them (all exist in this database). */
  readonly archiveColumns: readonly string[];
  /** Target columns, and for each the archive column it takes (the row's new id for `id`). */
  readonly columns: readonly string[];
  readonly sources: readonly number[];
  /** Index of `id` in the archive row, when the table's ids are remapped. */
  readonly idIndex: number | undefined;
  /** Archive columns holding ids of other tables, and the table whose map rewrites them. */
  readonly remaps: ReadonlyMap<number, string>;
  /** Shared tables (currencies): the key whose existing rows are kept as they are. */
  readonly sharedKey: string | undefined;
}

/**
 * Loads an archive's tables in a restore's transaction, one table at a time in file order, giving
 * each row of a referenced table a new id and rewriting every key through the map of the table it
 * points at. A key naming no row of the archive is `BACKUP_INVALID`.
 */
export interface ArchiveLoader {
  begin(load: TableLoad): Promise<void>;
  row(values: readonly unknown[]): Promise<void>;
  /** Every row of the table is in (or checked and in, once this resolves). */
  end(): Promise<void>;
  /** The new ids given to the archive's `customers` rows. */
  customerIds(): Promise<number[]>;
  /** Releases what a failure leaves open (a running COPY) so the transaction can roll back. */
  abort(reason: unknown): Promise<void>;
}

/** The error of a key that names no row of the archive, the same from every loader. */
export function missingRowError(backup: string, load: TableLoad, index: number, value: unknown) {
  const target = load.remaps.get(index) ?? '?';
  return new BackupInvalidError(
    'backup',
    backup,
    `${load.name}.${load.archiveColumns[index]} = ${String(value)} names no ${target} row of the archive`,
  );
}

/** Matches an archive's table header against this database's customer and shared tables. */
export function prepareTableLoad(
  backup: string,
  name: string,
  columns: readonly string[],
  tables: ReadonlyMap<string, CustomerTable>,
  shared: ReadonlyMap<string, SharedTable>,
): TableLoad {
  const invalid = (problem: string) => new BackupInvalidError('backup', backup, problem);
  const table = tables.get(name);
  const sharedTable = shared.get(name);
  const target = table ?? sharedTable;
  if (target === undefined) throw invalid(`table ${name} is not a customer table of this database`);
  const unknown = columns.filter((column) => !target.columns.includes(column));
  if (unknown.length > 0) throw invalid(`${name}.${unknown[0]} does not exist in this database`);
  const idIndex = table?.referenced === true ? columns.indexOf('id') : -1;
  // Ids are this database's to give: kept only where rows point at them, through the map.
  const kept = columns.filter((column) => column !== 'id' || idIndex >= 0);
  const remaps = new Map<number, string>();
  for (const ref of table?.references ?? []) {
    const index = columns.indexOf(ref.column);
    if (index >= 0) remaps.set(index, ref.table);
  }
  return {
    name,
    archiveColumns: columns,
    columns: kept,
    sources: kept.map((column) => columns.indexOf(column)),
    idIndex: idIndex >= 0 ? idIndex : undefined,
    remaps,
    sharedKey: sharedTable?.key,
  };
}

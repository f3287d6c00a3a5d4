import { ConsoError } from './conso-error.js';

/** A copy would overwrite or mix with data the target already holds; names the rows in the way. */
export class CopyConflictError extends ConsoError {
  constructor(param: string, table: string, conflicts: readonly string[]) {
    super(
      'COPY_CONFLICT',
      'conso.error.copyConflict',
      `Parameter "${param}": the target already has ${table} for ${conflicts.join(', ')}`,
      { param, table, conflicts: conflicts.join(', ') },
    );
  }
}

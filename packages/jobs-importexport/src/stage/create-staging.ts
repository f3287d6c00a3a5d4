import type { Kysely } from 'kysely';
import type { ConsoDialect } from '../db/conso-db.js';
import { BatchInsertStaging } from './batch-insert-staging.js';
import { PostgresCopyStaging } from './postgres-copy-staging.js';
import { createStagingTableDdl, stagingTableName } from './staging-ddl.js';
import type { StagingColumn, StagingTable } from './staging-table.js';

/** Creates a temporary staging table and the loader for the dialect: COPY on PostgreSQL, batched INSERTs elsewhere. */
export async function createStaging(
  trx: Kysely<unknown>,
  dialect: ConsoDialect,
  base: string,
  columns: readonly StagingColumn[],
): Promise<StagingTable> {
  const name = stagingTableName(dialect, base);
  await createStagingTableDdl(trx, dialect, name, columns);
  return dialect === 'postgres'
    ? new PostgresCopyStaging(trx, name, columns)
    : new BatchInsertStaging(trx, dialect, name, columns);
}

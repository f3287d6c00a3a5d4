import { type JobContext, t } from '@hangar/core';
import type { Kysely } from 'kysely';
import type { ApplyTarget, TargetColumn } from '../apply/apply-target.js';
import { findDuplicates } from '../apply/find-duplicates.js';
import { type ApplyCounts, writeStagedRows } from '../apply/write-staged-rows.js';
import type { StagingTable } from '../stage/staging-table.js';
import type { ImportResult } from './import-result.js';
import type { ImportSession } from './import-session.js';
import type { TableImportSpec } from './table-import-spec.js';

/**
 * After a table is staged: duplicate keys and the file-wide checks, then, when the file has no
 * error, the set-based write of the target. Shared by the streaming and the COPY paths.
 */
export async function checkAndWrite(
  session: ImportSession,
  staging: StagingTable,
  spec: TableImportSpec,
  mode: 'replace' | 'merge',
  sheet?: string,
): Promise<ApplyCounts> {
  const unique = spec.unique;
  if (unique && !session.errors.hasErrors)
    await session.phases.time('duplicates', () => reportDuplicates(session, staging, unique, sheet));
  await session.phases.time('checks', async () => spec.afterRead?.(session));
  session.errors.throwIfAny();
  if (spec.write) return spec.write(session, staging);
  return writeStagedRows(
    session.trx as Kysely<unknown>,
    staging,
    requireTarget(spec.target),
    mode,
    session.phases,
  );
}

/** Reports every row that repeats a key of an earlier row. */
export async function reportDuplicates(
  session: ImportSession,
  staging: StagingTable,
  unique: { columns: readonly TargetColumn[]; column: string },
  sheet?: string,
): Promise<void> {
  const duplicates = await findDuplicates(
    session.trx as Kysely<unknown>,
    session.dialect,
    staging,
    unique.columns,
    session.errors.maxErrors,
  );
  for (const duplicate of duplicates) {
    session.errors.add({
      row: duplicate.row,
      column: unique.column,
      problem: 'duplicateKey',
      params: { firstRow: duplicate.firstRow },
      ...(sheet === undefined ? {} : { sheet }),
    });
  }
}

/** Logs the final counts and builds the job result. */
export function finishImport(
  ctx: JobContext,
  file: string,
  counts: ApplyCounts,
  rowsRead: number,
): ImportResult {
  const rowsWritten = counts.inserted + counts.updated;
  ctx.progress(
    t('importexport.progress.imported', {
      file,
      read: rowsRead,
      written: rowsWritten,
      deleted: counts.deleted,
    }),
    {
      current: rowsRead,
      total: rowsRead,
    },
  );
  return { file, rowsRead, rowsWritten, ...counts };
}

function requireTarget(target: ApplyTarget | undefined): ApplyTarget {
  if (!target) throw new TypeError('a table import needs a target or a write function');
  return target;
}

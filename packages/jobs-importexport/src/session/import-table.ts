import type { JobContext, ServiceResolver } from '@hangar/core';
import { ImportFileError } from '../errors/import-file-error.js';
import { numberFormatOf } from '../params/common-params.js';
import { openSource } from '../read/open-source.js';
import { requireColumns } from '../read/require-columns.js';
import type { SourceSheet } from '../read/source-row.js';
import { importThroughCopy } from './copy-import.js';
import type { ImportResult } from './import-result.js';
import { runImport } from './import-session.js';
import { consoDbOf, fileStoreOf, inputLocation } from './job-services.js';
import { checkAndWrite, finishImport } from './staged-table-write.js';
import type { ImportFileOptions, TableImportSpec } from './table-import-spec.js';

/** Picks the sheet to import: the first one, or the one named `wanted` (earlier sheets are skipped unread). */
export async function pickSheet(
  sheets: AsyncGenerator<SourceSheet>,
  file: string,
  wanted?: string,
): Promise<SourceSheet> {
  for await (const sheet of sheets) {
    if (wanted === undefined || sheet.name.toLowerCase() === wanted.toLowerCase()) return sheet;
  }
  throw new ImportFileError(
    file,
    'missingSheet',
    wanted === undefined ? 'the file has no table' : `no sheet named "${wanted}"`,
  );
}

/**
 * Imports one table: validates every row into a staging table, checks duplicates and file-wide
 * rules, then writes the target with set-based statements, all in one transaction. A CSV file that
 * PostgreSQL's COPY reads as the streaming reader would, for a spec with `copy`, is loaded and
 * validated in the database; any other file streams through `parse`. `options.file` is resolved
 * inside the upload area of the job's tenant first.
 */
export async function importTable(
  services: ServiceResolver,
  ctx: JobContext,
  options: ImportFileOptions,
  spec: TableImportSpec,
): Promise<ImportResult> {
  const file = { ...options, file: await inputLocation(services, ctx, options.file) };
  const copied = await importThroughCopy(services, ctx, file, spec);
  if (copied) return copied;
  const consoDb = consoDbOf(services);
  const source = await openSource(fileStoreOf(services), file.file, {
    format: options.format,
    csv: options.csv,
    signal: ctx.signal,
  });
  try {
    const sessionOptions = {
      file: source.name,
      totalBytes: source.size,
      bytesRead: source.bytesRead,
      maxErrors: options.maxErrors,
      numbers: numberFormatOf(options.csv),
    };
    const counts = await runImport(consoDb, ctx, sessionOptions, async (session) => {
      session.phases.path = 'stream';
      const sheet = await pickSheet(source.sheets, source.name, spec.sheet);
      requireColumns(source.name, sheet, spec.required);
      const sheetName = source.format === 'xlsx' ? sheet.name : undefined;
      const staging = await session.stage(spec.stagingName, spec.staging);
      await session.phases.time('read', () =>
        session.consume(
          sheet.rows,
          async (row) => {
            const values = spec.parse(session.fields(row, sheetName));
            if (values) await session.put(staging, row.row, values);
          },
          sheetName,
        ),
      );
      await session.phases.time('stage', () => staging.finish());
      const written = await checkAndWrite(session, staging, spec, options.mode, sheetName);
      return { written, read: session.progress.read };
    });
    return finishImport(ctx, source.name, counts.written, counts.read);
  } finally {
    source.close();
  }
}

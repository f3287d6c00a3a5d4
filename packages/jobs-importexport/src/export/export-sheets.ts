import { type JobContext, type ServiceResolver, t } from '@hangar/core';
import type { CsvOptions } from '../read/csv-options.js';
import type { TableFormat } from '../read/open-source.js';
import type { CellValue } from '../read/source-row.js';
import { fileStoreOf } from '../session/job-services.js';
import type { ExportResult } from './export-result.js';
import { openExportFile } from './open-export-file.js';

/** One table of an export. */
export interface ExportSheet {
  /** Sheet name (XLSX). */
  name: string;
  header: readonly string[];
  /** Rows, streamed from the database. */
  rows: AsyncIterable<readonly CellValue[]>;
}

/** Rows between two cancellation checks and progress messages. */
const CHECK_EVERY_ROWS = 1000;

/**
 * Writes sheets to one export file in the job's file store, streaming rows, with progress and
 * cancellation; declares the file as the job's output. A CSV export takes exactly one sheet.
 */
export async function exportSheets(
  services: ServiceResolver,
  ctx: JobContext,
  options: { fileName: string; format: TableFormat; csv: CsvOptions; sheets: readonly ExportSheet[] },
): Promise<ExportResult> {
  const writer = await openExportFile(
    fileStoreOf(services),
    options.fileName,
    options.format,
    options.csv,
    ctx,
  );
  let rows = 0;
  try {
    for (const sheet of options.sheets) {
      const out = await writer.sheet(sheet.name, sheet.header);
      for await (const row of sheet.rows) {
        await out.row(row);
        rows += 1;
        if (rows % CHECK_EVERY_ROWS === 0) {
          ctx.checkpoint();
          ctx.progress(t('importexport.progress.exported', { file: options.fileName, rows }));
        }
      }
      await out.end();
    }
    ctx.checkpoint();
    const file = await writer.close();
    ctx.addOutputFile(file);
    ctx.progress(t('importexport.progress.exportDone', { file: file.name, rows, size: file.size }), {
      current: rows,
      total: rows,
    });
    return { files: [file], rows };
  } catch (error) {
    await writer.discard().catch(() => undefined);
    throw error;
  }
}

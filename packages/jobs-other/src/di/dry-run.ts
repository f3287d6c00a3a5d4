import type { JobContext, ServiceResolver } from '@hangar/core';
import {
  type CellValue,
  fileStoreOf,
  type MappingProfile,
  normalizeHeader,
  openSource,
} from '@hangar/jobs-importexport';

/** What a dry run reports: what the load would read and where it would write. */
export interface DryRunReport {
  dryRun: true;
  /** Target table of the profile. */
  table: string;
  /** Data rows of the source. */
  rows: number;
  /** Source columns, as the import normalises them. */
  columns: string[];
  /** Source columns the profile maps that the source lacks (the load would refuse the file). */
  missingColumns: string[];
  /** The first rows, by source column. */
  preview: Record<string, CellValue>[];
}

/** Reads the extracted source as the profile's import would, without writing anything. */
export async function dryRun(
  services: ServiceResolver,
  ctx: JobContext,
  location: string,
  profile: MappingProfile,
  previewRows: number,
): Promise<DryRunReport> {
  const source = await openSource(fileStoreOf(services), location, {
    format: profile.fileFormat,
    csv: profile.options.csv,
    signal: ctx.signal,
  });
  try {
    const wanted = profile.options.sheet?.toLowerCase();
    for await (const sheet of source.sheets) {
      if (wanted !== undefined && sheet.name.toLowerCase() !== wanted) continue;
      const preview: Record<string, CellValue>[] = [];
      let rows = 0;
      for await (const row of sheet.rows) {
        rows += 1;
        if (preview.length < previewRows) preview.push({ ...row.cells });
        if (rows % 10_000 === 0) ctx.checkpoint();
      }
      const mapped = profile.mappings.flatMap((m) =>
        m.source === undefined ? [] : [normalizeHeader(m.source)],
      );
      return {
        dryRun: true,
        table: profile.targetTable,
        rows,
        columns: [...sheet.header],
        missingColumns: mapped.filter((column) => !sheet.header.includes(column)),
        preview,
      };
    }
    return {
      dryRun: true,
      table: profile.targetTable,
      rows: 0,
      columns: [],
      missingColumns: [],
      preview: [],
    };
  } finally {
    source.close();
  }
}

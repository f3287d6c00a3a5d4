import type { TargetColumn } from '../apply/apply-target.js';
import type { OpenedSource } from '../read/open-source.js';
import { requireColumns } from '../read/require-columns.js';
import type { RowFields } from '../read/row-fields.js';
import type { SourceSheet } from '../read/source-row.js';
import type { StagingColumn, StagingTable, StagingValue } from '../stage/staging-table.js';
import type { ImportSession } from './import-session.js';
import { reportDuplicates } from './staged-table-write.js';

/** How one sheet of a workbook import is validated and staged. */
export interface SheetSpec {
  /** Sheet name (matched case-insensitively). */
  readonly name: string;
  /** Columns the sheet must have. */
  readonly required: readonly string[];
  /** Staging columns. */
  readonly staging: readonly StagingColumn[];
  /** Validates a row; staging values, or undefined when invalid. */
  parse(fields: RowFields): readonly StagingValue[] | undefined;
  /** Key that must be unique within the sheet. */
  readonly unique?: { columns: readonly TargetColumn[]; column: string };
}

/**
 * Streams every sheet of `source` that a spec names into its own staging table, in whatever order
 * the workbook stores them; sheets no spec names are skipped. Returns the staging tables by sheet
 * name (lower case) and the number of rows read.
 */
export async function stageSheets(
  session: ImportSession,
  source: OpenedSource,
  specs: readonly SheetSpec[],
): Promise<Map<string, StagingTable>> {
  const staged = new Map<string, StagingTable>();
  for await (const sheet of source.sheets) {
    const spec = matchSpec(sheet, specs, staged);
    if (!spec) continue;
    requireColumns(source.name, sheet, spec.required);
    const staging = await session.stage(spec.name.slice(0, 12), spec.staging);
    await session.consume(
      sheet.rows,
      async (row) => {
        const values = spec.parse(session.fields(row, spec.name));
        if (values) await session.put(staging, row.row, values);
      },
      spec.name,
    );
    await staging.finish();
    if (spec.unique && !session.errors.hasErrors)
      await reportDuplicates(session, staging, spec.unique, sheet.name);
    staged.set(spec.name, staging);
  }
  return staged;
}

/**
 * The spec for a sheet: by name, or, for a sheet left with a default name (`Sheet1`), the unused
 * spec whose required columns the header has, preferring the most specific.
 */
function matchSpec(
  sheet: SourceSheet,
  specs: readonly SheetSpec[],
  staged: ReadonlyMap<string, unknown>,
): SheetSpec | undefined {
  const named = specs.find((candidate) => candidate.name.toLowerCase() === sheet.name.toLowerCase());
  if (named) return staged.has(named.name) ? undefined : named;
  if (!/^Sheet\d+$/.test(sheet.name)) return undefined;
  const fitting = specs
    .filter(
      (candidate) =>
        !staged.has(candidate.name) && candidate.required.every((column) => sheet.header.includes(column)),
    )
    .sort((a, b) => b.required.length - a.required.length);
  return fitting[0];
}

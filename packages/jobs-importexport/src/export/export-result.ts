import type { StoredFile } from '../files/file-store.js';

/** What an export job returns. */
export interface ExportResult {
  /** Files written (also declared as the job's output files). */
  files: StoredFile[];
  /** Data rows written, over all files and sheets. */
  rows: number;
}

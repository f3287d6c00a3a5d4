/** What an import job returns. */
export interface ImportResult {
  /** File imported. */
  file: string;
  /** Data rows read. */
  rowsRead: number;
  /** Rows written to the target tables (inserted + updated). */
  rowsWritten: number;
  /** Rows the import deleted (replace mode). */
  deleted: number;
  /** Rows inserted. */
  inserted: number;
  /** Rows updated (merge mode). */
  updated: number;
}

import type { ErrorInfo } from '../error-info/error-info.js';
import type { TranslatableString } from '../i18n/translatable-string.js';

/** A file a job produced, downloadable through the API with the job's authorisation. */
export interface OutputFile {
  /** File name shown to the user, e.g. `cube-202312.parquet`. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** Media type, e.g. `text/csv`. */
  mediaType: string;
  /** Where the file store keeps it (store-specific key or URL). */
  location: string;
}

/** What a finished job returns. */
export interface JobResult<R = unknown> {
  /** Whether the job reached its goal. */
  success: boolean;
  /** The job's own result value (JSON-serialisable). */
  result?: R;
  /** Structured errors, when it failed or partly failed. */
  errorInfo?: ErrorInfo;
  /** Files it produced. */
  outputFiles?: OutputFile[];
  /** Warnings worth showing to the user even on success. */
  warnings?: TranslatableString[];
}

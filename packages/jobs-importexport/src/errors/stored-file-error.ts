import { HangarError } from '@hangar/core';

/** Why a stored file could not be read. */
export type StoredFileProblem = 'missing' | 'notAFile' | 'unreadable';

const KEYS: Readonly<Record<StoredFileProblem, string>> = {
  missing: 'importexport.error.storedFile.missing',
  notAFile: 'importexport.error.storedFile.notAFile',
  unreadable: 'importexport.error.storedFile.unreadable',
};

/**
 * A location of the file store cannot be read. Named by its store-relative location and the
 * system's error code (`ENOENT`, `EACCES`...): the operating system's own message carries the
 * absolute path on the server, which callers must not see.
 */
export class StoredFileError extends HangarError {
  constructor(location: string, problem: StoredFileProblem, reason: string, cause?: unknown) {
    const messages: Record<StoredFileProblem, string> = {
      missing: `No file at ${location}`,
      notAFile: `${location} is not a file`,
      unreadable: `Cannot read ${location} (${reason})`,
    };
    super('IMPORTEXPORT_FILE_UNAVAILABLE', KEYS[problem], messages[problem], {
      params: { location, reason },
      retryable: false,
      cause,
    });
  }

  /** The error for a failed file-system call on `location`; an abort passes through unchanged. */
  static from(error: unknown, location: string): unknown {
    if ((error as { name?: string }).name === 'AbortError' || HangarError.isInstance(error)) return error;
    const code = String((error as { code?: unknown }).code ?? 'EIO');
    const problem: StoredFileProblem =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EISDIR' ? 'notAFile' : 'unreadable';
    return new StoredFileError(location, problem, code, error);
  }
}

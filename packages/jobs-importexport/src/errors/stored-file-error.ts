import { HangarError } from '@hangar/core';

/** Why a stored file could not be read. */
export type StoredFileProblem = 'missing' | 'notAFile' | 'unreadable' | 'unwritable';

const KEYS: Readonly<Record<StoredFileProblem, string>> = {
  missing: 'importexport.error.storedFile.missing',
  notAFile: 'importexport.error.storedFile.notAFile',
  unreadable: 'importexport.error.storedFile.unreadable',
  unwritable: 'importexport.error.storedFile.unwritable',
};

/**
 * A location of the file store cannot be read or written. Named by its store-relative location and the
 * system's error code (`ENOENT`, `EACCES`...): the operating system's own message carries the
 * absolute path on the server, which callers must not see.
 */
export class StoredFileError extends HangarError {
  constructor(location: string, problem: StoredFileProblem, reason: string, cause?: unknown) {
    const messages: Record<StoredFileProblem, string> = {
      missing: `No file at ${location}`,
      notAFile: `${location} is not a file`,
      unreadable: `Cannot read ${location} (${reason})`,
      unwritable: `Cannot write ${location} (${reason})`,
    };
    super('IMPORTEXPORT_FILE_UNAVAILABLE', KEYS[problem], messages[problem], {
      params: { location, reason },
      retryable: false,
      cause,
    });
  }

  /**
   * The error for a failed file-system call on `location` (a write when `writing`); an abort and
   * errors that are already Hangar's pass through unchanged.
   */
  static from(error: unknown, location: string, writing = false): unknown {
    if ((error as { name?: string }).name === 'AbortError' || HangarError.isInstance(error)) return error;
    const code = String((error as { code?: unknown }).code ?? 'EIO');
    const problem: StoredFileProblem = writing
      ? 'unwritable'
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? 'missing'
        : code === 'EISDIR'
          ? 'notAFile'
          : 'unreadable';
    return new StoredFileError(location, problem, code, error);
  }
}

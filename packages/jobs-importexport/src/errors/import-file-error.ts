import { HangarError } from '@hangar/core';

/** Why a whole file cannot be read (as opposed to one bad row). */
export type FileProblem =
  | 'missingColumns'
  | 'unreadable'
  | 'unsupportedFormat'
  | 'missingSheet'
  | 'invalidJson';

/** The file cannot be imported at all: missing columns or sheet, unreadable content, unknown format. */
export class ImportFileError extends HangarError {
  constructor(file: string, problem: FileProblem, detail: string, cause?: unknown) {
    super('IMPORTEXPORT_BAD_FILE', `importexport.error.file.${problem}`, `Cannot import ${file}: ${detail}`, {
      params: { file, detail },
      retryable: false,
      cause,
    });
  }
}

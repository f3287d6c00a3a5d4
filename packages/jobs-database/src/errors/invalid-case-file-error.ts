import { ConsoError } from './conso-error.js';

/** The case file given to `hangar conso evaluate` cannot be read or is not a case. */
export class InvalidCaseFileError extends ConsoError {
  constructor(file: string, problem: string) {
    super('CASE_FILE_INVALID', 'conso.error.caseFile', `Cannot read case ${file}: ${problem}`, {
      file,
      problem,
    });
  }
}

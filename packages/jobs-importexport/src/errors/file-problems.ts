import type { FileProblem } from './import-file-error.js';

/** Every file problem, for catalogs and tests (the type alone cannot be listed at run time). */
export const FILE_PROBLEMS: readonly FileProblem[] = [
  'missingColumns',
  'unreadable',
  'unsupportedFormat',
  'missingSheet',
  'invalidJson',
];

import { HangarError } from '@hangar/core';

/** A working directory outside every allowed root, or one that does not exist. */
export class PathOutsideRootError extends HangarError {
  /** The param that named the path. */
  readonly field: string;

  constructor(field: string, path: string, problem: string) {
    super('UTILS_BAD_PATH', 'utils.error.badPath', `Parameter "${field}" (${path}): ${problem}`, {
      params: { field, path, problem },
      retryable: false,
    });
    this.field = field;
  }
}

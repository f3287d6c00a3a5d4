import { HangarError } from './hangar-error.js';

/** A named lock is held by another job and could not be taken in time. */
export class LockUnavailableError extends HangarError {
  constructor(name: string, waitMs: number) {
    super(
      'LOCK_UNAVAILABLE',
      'hangar.error.lockUnavailable',
      `Lock "${name}" is held by another job (waited ${waitMs} ms)`,
      {
        params: { name, waitMs },
      },
    );
  }
}

import { describe, expect, it } from 'vitest';
import { HangarError, hasErrorCode } from './hangar-error.js';
import { JobNotFoundError } from './job-not-found-error.js';
import { UnrecoverableError } from './unrecoverable-error.js';

describe('HangarError', () => {
  it('carries a stable code, a translation key, params and the cause', () => {
    const cause = new Error('socket closed');
    const err = new HangarError('X_FAILED', 'x.failed', 'X failed', { params: { id: 7 }, cause });
    expect(err).toMatchObject({
      code: 'X_FAILED',
      key: 'x.failed',
      params: { id: 7 },
      cause,
      retryable: true,
    });
    expect(err.name).toBe('HangarError');
    expect(new JobNotFoundError('42').name).toBe('JobNotFoundError');
    expect(new UnrecoverableError('no').retryable).toBe(false);
  });

  it('recognises errors from another copy of the package, and nothing else', () => {
    const foreign = Object.assign(new Error('from a second copy'), { code: 'JOB_NOT_FOUND' });
    (foreign as unknown as Record<symbol, boolean>)[Symbol.for('hangar.error')] = true;
    expect(HangarError.isInstance(foreign)).toBe(true);
    expect(HangarError.isInstance(new Error('plain'))).toBe(false);
    expect(HangarError.isInstance(null)).toBe(false);
    expect(hasErrorCode(new JobNotFoundError('1'), 'JOB_NOT_FOUND')).toBe(true);
    expect(hasErrorCode(new JobNotFoundError('1'), 'OTHER')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { HangarError } from '../../errors/hangar-error.js';
import type { RetentionPolicy } from '../../queue/queue-adapter.js';
import { checkRetentionPolicy } from './retention-policy-check.js';

const policy: RetentionPolicy = { succeededMs: 0, cancelledMs: 1000, failedMs: 86_400_000 };

function refusedField(patch: Record<string, unknown>): unknown {
  try {
    checkRetentionPolicy({ ...policy, ...patch } as RetentionPolicy);
  } catch (error) {
    if (!HangarError.isInstance(error) || error.code !== 'CONFIG_INVALID') throw error;
    return error.params.option;
  }
  return undefined;
}

describe('checkRetentionPolicy', () => {
  it('returns the batch size, 1000 unless the policy names one', () => {
    expect(checkRetentionPolicy(policy)).toBe(1000);
    expect(checkRetentionPolicy({ ...policy, batchSize: 5 })).toBe(5);
  });

  it.each([
    [{ succeededMs: -1 }, 'succeededMs'],
    [{ cancelledMs: Number.NaN }, 'cancelledMs'],
    [{ failedMs: '30d' }, 'failedMs'],
    [{ batchSize: 0 }, 'batchSize'],
    [{ batchSize: 2.5 }, 'batchSize'],
  ])('refuses %o, naming %s', (patch, field) => {
    expect(refusedField(patch)).toBe(field);
  });
});

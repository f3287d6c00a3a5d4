import type { JobRecord } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { copyRecord, RecordCopier } from './record-copy.js';

/**
 * A record with every field set to a value of its own. Typed as `Required<JobRecord>` over every
 * key, so a field added to `JobRecord` fails the typecheck here until it is set (and then this test
 * checks the copy shares nothing through it).
 */
function fullRecord(at: (ms: number) => Date): Required<JobRecord> {
  return {
    id: 'job-1',
    type: 't',
    queue: 'default',
    params: { list: [1, { deep: true }], when: at(1) },
    state: 'Processing',
    priority: 0,
    runAt: at(2),
    attempts: 1,
    maxAttempts: 3,
    customerId: 'c1',
    userId: 'u1',
    idempotencyKey: 'k',
    concurrencyKey: 'ck',
    parentId: 'p1',
    parents: [{ id: 'p1', on: 'success' }],
    timeoutMs: 10,
    worker: { id: 'w', host: 'h', pid: 1 },
    leaseExpiresAt: at(3),
    cancelRequested: false,
    progress: { message: { key: 'k', params: { n: 1 } }, current: 1, total: 2 },
    result: { success: true, result: { nested: [1] } },
    errorInfo: [{ code: 'C', key: 'k', params: { a: 1 }, severity: 'error' }],
    metadata: { label: 'x' },
    createdAt: at(4),
    updatedAt: at(5),
    startedAt: at(6),
    finishedAt: at(7),
  };
}

/** Every object reachable from `value`, with its path. */
function objects(value: unknown, path = '$', found = new Map<object, string>()): Map<object, string> {
  if (value === null || typeof value !== 'object') return found;
  found.set(value, path);
  for (const [key, nested] of Object.entries(value)) objects(nested, `${path}.${key}`, found);
  return found;
}

describe('RecordCopier', () => {
  it('copies every field of a record, sharing no object with it', () => {
    const job = fullRecord((ms) => new Date(ms));
    const copy = copyRecord(job);
    expect(copy).toStrictEqual(job);
    const stored = objects(job);
    const shared = [...objects(copy)].filter(([object]) => stored.has(object)).map(([, path]) => path);
    expect(shared).toEqual([]);
  });

  it('copies a date or worker identity several records share once per answer, never sharing it with them', () => {
    const date = new Date(5);
    const a = fullRecord(() => date);
    const b = { ...fullRecord(() => date), id: 'job-2', worker: a.worker };
    const copier = new RecordCopier();
    const [ca, cb] = [copier.copy(a), copier.copy(b)];
    expect(ca.createdAt).not.toBe(date);
    expect(cb.createdAt).toBe(ca.createdAt);
    expect(cb.worker).toBe(ca.worker);
    expect(ca.worker).not.toBe(a.worker);
    ca.createdAt.setTime(0);
    expect(date.getTime()).toBe(5);
    // another answer makes copies of its own
    expect(new RecordCopier().copy(a).createdAt).not.toBe(ca.createdAt);
  });
});

import { describe, expect, it } from 'vitest';
import { HangarError } from '../../errors/hangar-error.js';
import type { EnqueueRequest } from '../../queue/queue-adapter.js';
import { checkEnqueueRequests } from './enqueue-request-check.js';

const ok: EnqueueRequest = { type: 't', params: {}, queue: 'default', maxAttempts: 3 };

function problem(patch: Partial<Record<keyof EnqueueRequest, unknown>>, batch = false) {
  const request = { ...ok, ...patch } as EnqueueRequest;
  try {
    checkEnqueueRequests(batch ? [ok, request] : [request]);
  } catch (error) {
    if (!HangarError.isInstance(error) || error.code !== 'CONFIG_INVALID') throw error;
    return { option: error.params.option, message: error.message };
  }
  return undefined;
}

describe('checkEnqueueRequests', () => {
  it('accepts what every adapter stores', () => {
    expect(problem({})).toBeUndefined();
    expect(
      problem({
        priority: -5,
        runAt: new Date(),
        timeoutMs: Number.POSITIVE_INFINITY,
        maxAttempts: 2_147_483_647,
      }),
    ).toBeUndefined();
    expect(problem({ timeoutMs: 1 })).toBeUndefined();
    expect(problem({ parents: [] })).toBeUndefined();
    const many = Array.from({ length: 1000 }, (_, n) => ({ id: `p${n}`, on: 'end' as const }));
    expect(
      problem({ parents: [{ id: 'a' }, { id: 'b', on: 'failure' }, { id: 'c', on: 'end' }] }),
    ).toBeUndefined();
    expect(problem({ parents: many })).toBeUndefined();
  });

  it.each([
    [{ type: '' }, 'type'],
    [{ queue: 7 }, 'queue'],
    [{ priority: 1.5 }, 'priority'],
    [{ priority: Number.NaN }, 'priority'],
    [{ priority: 2 ** 31 }, 'priority'],
    [{ maxAttempts: 0 }, 'maxAttempts'],
    [{ maxAttempts: Number.POSITIVE_INFINITY }, 'maxAttempts'],
    [{ runAt: new Date(Number.NaN) }, 'runAt'],
    [{ runAt: '2026-01-01' }, 'runAt'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: 1.5 }, 'timeoutMs'],
    [{ customerId: 42 }, 'customerId'],
    [{ parentId: null }, 'parentId'],
    [{ parents: 'p1' }, 'parents'],
    [{ parentId: 'p1', parents: [{ id: 'p2' }] }, 'parents'],
    [{ parents: [{ id: 'p1' }, { id: 'p1', on: 'end' }] }, 'parents.1.id'],
    [{ parents: [{ id: 'p1', on: 'always' }] }, 'parents.0.on'],
    [{ parents: [{ id: 7 }] }, 'parents.0.id'],
    [{ parents: [null] }, 'parents.0.id'],
    [{ parents: [{ id: 'p\u0000' }] }, 'parents.0.id'],
    [{ parents: Array.from({ length: 1001 }, (_, n) => ({ id: `p${n}` })) }, 'parents'],
    [{ type: 'a\u0000' }, 'type'],
    [{ queue: 'q\uD800' }, 'queue'],
    [{ userId: '\uDC00' }, 'userId'],
    [{ idempotencyKey: 'k\u0000' }, 'idempotencyKey'],
    [{ concurrencyKey: 'c\u0000' }, 'concurrencyKey'],
    [{ metadata: { source: 'a\u0000b' } }, 'metadata.source'],
    [{ metadata: { 'bad\uD800': 'x' } }, 'metadata.bad\\ud800'],
  ])('refuses %o, naming %s', (patch, field) => {
    expect(problem(patch)?.option).toBe(field);
  });

  it('refuses params holding text no queue can store with the field path, as a params error', () => {
    const bad = { ...ok, params: { items: [{ name: 'x' }, { name: 'a\u0000b' }] } };
    let caught: unknown;
    try {
      checkEnqueueRequests([ok, bad]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'PARAMS_INVALID',
      params: { type: 't' },
      issues: [
        {
          path: 'items.1.name',
          code: 'unstorable_text',
          message: 'contains a NUL character (U+0000) at index 1, which no queue can store (request 2 of 2)',
        },
      ],
    });
    expect(() => checkEnqueueRequests([{ ...ok, params: { tag: '😀', list: ['é'] } }])).not.toThrow();
  });

  it('says which request of a batch is wrong', () => {
    expect(problem({ maxAttempts: -1 }, true)?.message).toBe(
      'Invalid option "maxAttempts": of job type "t" must be an integer from 1 to 2147483647, got -1 (request 2 of 2)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { JobState } from '../../state/job-state.js';
import { parentConditionUnmetErrorInfo, parentGate } from './parent-gate.js';
import { requestParents } from './request-parents.js';

const states = new Map<string, JobState>([
  ['ok', 'Succeeded'],
  ['failed', 'Failed'],
  ['cancelled', 'Cancelled'],
  ['running', 'Processing'],
  ['waiting', 'Awaiting'],
]);
const stateOf = (id: string) => states.get(id);

describe('parentGate', () => {
  it('is ready with no parents, or when every parent ended as asked', () => {
    expect(parentGate([], stateOf)).toEqual({ kind: 'ready' });
    const parents = [
      { id: 'ok', on: 'success' },
      { id: 'failed', on: 'failure' },
      { id: 'cancelled', on: 'failure' },
      { id: 'ok', on: 'end' },
    ] as const;
    expect(parentGate(parents, stateOf)).toEqual({ kind: 'ready' });
  });

  it('counts the parents still running', () => {
    const parents = [
      { id: 'running', on: 'success' },
      { id: 'ok', on: 'success' },
      { id: 'waiting', on: 'failure' },
    ] as const;
    expect(parentGate(parents, stateOf)).toEqual({ kind: 'awaiting', pending: 2 });
  });

  it('names the first parent, in the order given, that broke its condition, even while others run', () => {
    const parents = [
      { id: 'running', on: 'success' },
      { id: 'ok', on: 'failure' },
      { id: 'failed', on: 'success' },
    ] as const;
    const gate = parentGate(parents, stateOf);
    expect(gate).toEqual({
      kind: 'cancelled',
      unmet: { parentId: 'ok', state: 'Succeeded', condition: 'failure' },
    });
    expect(gate.kind === 'cancelled' && parentConditionUnmetErrorInfo(gate.unmet)).toEqual([
      {
        code: 'PARENT_CONDITION_UNMET',
        key: 'hangar.error.parentConditionUnmet',
        params: { parentId: 'ok', state: 'Succeeded', condition: 'failure' },
        severity: 'error',
      },
    ]);
  });
});

describe('requestParents', () => {
  const base = { type: 't', params: {}, queue: 'q', maxAttempts: 1 };
  it('reads parentId as one parent on success, and fills in the default condition', () => {
    expect(requestParents(base)).toEqual([]);
    expect(requestParents({ ...base, parentId: 'a' })).toEqual([{ id: 'a', on: 'success' }]);
    expect(requestParents({ ...base, parents: [{ id: 'a' }, { id: 'b', on: 'end' }] })).toEqual([
      { id: 'a', on: 'success' },
      { id: 'b', on: 'end' },
    ]);
  });
});

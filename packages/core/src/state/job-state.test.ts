import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  isTerminalState,
  JOB_STATES,
  RETRYABLE_STATES,
  statesLeadingTo,
  TERMINAL_STATES,
} from './job-state.js';

describe('job states', () => {
  it('allows the documented lifecycle', () => {
    expect(canTransition('Enqueued', 'Processing')).toBe(true);
    expect(canTransition('Processing', 'Scheduled')).toBe(true);
    expect(canTransition('Awaiting', 'Enqueued')).toBe(true);
    expect(canTransition('Scheduled', 'Processing')).toBe(true);
  });

  it('never leaves a terminal state by itself; only a retry by hand takes Failed or Cancelled back', () => {
    for (const from of JOB_STATES.filter(isTerminalState)) {
      for (const to of JOB_STATES) expect(canTransition(from, to)).toBe(false);
    }
    expect(RETRYABLE_STATES).toEqual(['Failed', 'Cancelled']);
    expect(() => assertTransition('j1', 'Succeeded', 'Processing')).toThrow(
      /j1 cannot go from Succeeded to Processing/,
    );
    expect(() => assertTransition('j1', 'Enqueued', 'Succeeded')).toThrow();
  });

  it('reads the terminal states and the states leading to a state off the table', () => {
    expect(TERMINAL_STATES).toEqual(['Succeeded', 'Failed', 'Cancelled']);
    expect(JOB_STATES.filter(isTerminalState)).toEqual(TERMINAL_STATES);
    expect(statesLeadingTo('Processing')).toEqual(['Scheduled', 'Enqueued']);
    expect(statesLeadingTo('Cancelled')).toEqual(['Scheduled', 'Awaiting', 'Enqueued', 'Processing']);
    expect(statesLeadingTo('Awaiting')).toEqual([]);
  });
});

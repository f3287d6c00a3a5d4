import { defineJob, HangarError } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JobRegistry } from './job-registry.js';

const job = (patch: Record<string, unknown>) =>
  defineJob({
    type: 'report.build',
    params: z.object({}),
    create: () => ({ execute: async () => null }),
    ...patch,
  });

function refusedOption(patch: Record<string, unknown>): unknown {
  try {
    new JobRegistry([{ name: 'reports', jobs: [job(patch)] }]);
  } catch (error) {
    if (!HangarError.isInstance(error) || error.code !== 'CONFIG_INVALID') throw error;
    return error.params.option;
  }
  return undefined;
}

describe('JobRegistry', () => {
  it('keeps the retry policy and timeout a job type gives, over the defaults', () => {
    const registry = new JobRegistry([], [job({ retry: { maxAttempts: 5, jitter: 0 }, timeoutMs: 60_000 })]);
    expect(registry.retryPolicy('report.build')).toMatchObject({
      maxAttempts: 5,
      jitter: 0,
      backoffMs: 1000,
    });
    expect(registry.describe()[0]).toMatchObject({ type: 'report.build', timeoutMs: 60_000 });
  });

  it.each([
    [{ retry: { maxAttempts: 0 } }, 'reports.jobs[report.build].retry.maxAttempts'],
    [{ retry: { maxAttempts: Number.POSITIVE_INFINITY } }, 'reports.jobs[report.build].retry.maxAttempts'],
    [{ retry: { backoffMs: -1 } }, 'reports.jobs[report.build].retry.backoffMs'],
    [{ retry: { jitter: 2 } }, 'reports.jobs[report.build].retry.jitter'],
    [{ timeoutMs: 0 }, 'reports.jobs[report.build].timeoutMs'],
    [{ timeoutMs: 1.5 }, 'reports.jobs[report.build].timeoutMs'],
  ])('refuses %o when the plugin is registered, naming %s', (patch, option) => {
    expect(refusedOption(patch)).toBe(option);
  });

  it('refuses a job type registered twice', () => {
    expect(() => new JobRegistry([], [job({}), job({})])).toThrow(/registered twice/);
  });
});

import { defineJob } from '@hangar/core';
import type { HangarRunner } from '@hangar/runner';
import { z } from 'zod';

/** The no-op job the Hangar benchmarks run; `started` is called as each one starts. */
export function noopJob(started: () => void) {
  return defineJob({
    type: 'bench.noop',
    params: z.object({ i: z.number() }),
    retry: { maxAttempts: 1 },
    create: () => ({
      execute: async () => {
        started();
        return null;
      },
    }),
  });
}

/** Resolves once the runner reported `total` succeeded jobs (listening from now on). */
export function whenSucceeded(runner: HangarRunner, total: number): Promise<void> {
  let done = 0;
  return new Promise<void>((resolve) =>
    runner.events.on('job:succeeded', () => {
      done += 1;
      if (done === total) resolve();
    }),
  );
}

import { defineJob } from '@hangar/core';
import type { HangarRunner } from '@hangar/runner';
import { z } from 'zod';

/** The no-op job the Hangar benchmarks run; `started` is called as each one starts. */
export function noopJob(started: () => void) {
  // Each attempt gets a job object of its own, with one `execute` for all of them: the bench runs
  // under tsx, whose transform names every function expression at run time (`__name`), and a
  // function made per attempt cost a twentieth of the memory queue's profile, which compiled
  // code does not pay.
  const execute = async () => {
    started();
    return null;
  };
  return defineJob({
    type: 'bench.noop',
    params: z.object({ i: z.number() }),
    retry: { maxAttempts: 1 },
    create: () => ({ execute }),
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

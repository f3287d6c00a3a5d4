// No-op job types for the isolation bench, the same job inline and isolated. Plain JavaScript:
// the isolated one's worker thread imports this module again, without a TypeScript loader.
import { defineJob, definePlugin } from '@hangar/core';
import { z } from 'zod';

const noop = { params: z.object({ n: z.number() }), create: () => ({ execute: async ({ n }) => n }) };

/** Runs in the runner's thread. */
export const inlineNoop = defineJob({ ...noop, type: 'bench.noop-inline' });

/** Runs each attempt in a worker thread of its own. */
export const isolatedNoop = defineJob({
  ...noop,
  type: 'bench.noop-isolated',
  isolation: 'worker',
  module: import.meta.url,
});

export default definePlugin({ name: 'bench-isolation', jobs: [inlineNoop, isolatedNoop] });

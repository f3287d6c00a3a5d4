// Isolated job types for the isolation tests. Each worker thread imports this module again, so
// it has no side effects and depends on nothing of the test.
import { appendFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { createServiceToken, defineJob, definePlugin, t, UnrecoverableError } from '@hangar/core';
import { z } from 'zod';

/** Settings shared with the thread (a plain object: it is copied across). */
export const greetingSettings = createServiceToken<{ greeting: string }>('test.greeting-settings');
/** A live service the thread builds for itself from the settings. */
export const greeter = createServiceToken<{ greet(name: string): string }>('test.greeter');

const isolated = { isolation: 'worker', module: import.meta.url, retry: { maxAttempts: 1 } } as const;

/** Writes a timestamp to `file` every few ms, forever, deaf to its signal (a synchronous loop). */
export const busyJob = defineJob({
  ...isolated,
  type: 'iso.busy',
  params: z.object({ file: z.string() }),
  // Long enough for the thread to start and load this module under tsx on a busy machine.
  timeoutMs: 2000,
  create: () => ({
    async execute({ file }) {
      let last = 0;
      for (;;) {
        const now = Date.now();
        if (now - last >= 5) {
          appendFileSync(file, `${now}\n`);
          last = now;
        }
      }
    },
  }),
});

/** The same loop without a timeout: only a cancellation ends it. */
export const spinJob = defineJob({
  ...isolated,
  type: 'iso.spin',
  params: z.object({ file: z.string() }),
  create: (services) => busyJob.create(services) as never,
});

/** Ends its thread with process.exit, as a crashing library might. */
export const exitJob = defineJob({
  ...isolated,
  type: 'iso.exit',
  params: z.object({}),
  create: () => ({
    async execute() {
      process.exit(3);
    },
  }),
});

/** Throws from a timer: an uncaught exception in the thread. */
export const throwJob = defineJob({
  ...isolated,
  type: 'iso.throw',
  params: z.object({}),
  create: () => ({
    execute: () =>
      new Promise<never>(() => {
        setTimeout(() => {
          throw new Error('boom from the thread');
        }, 1);
      }),
  }),
});

/** Uses every part of the context from the thread. */
export const featuresJob = defineJob({
  ...isolated,
  type: 'iso.features',
  params: z.object({ name: z.string(), dir: z.string(), times: z.number().default(2) }),
  shareWithWorker: [greetingSettings],
  workerServices: () => [
    {
      token: greeter,
      factory: (services) => {
        const { greeting } = services.get(greetingSettings);
        return { greet: (name: string) => `${greeting} ${name}` };
      },
    },
  ],
  create: (services) => ({
    async execute({ name, dir, times }, ctx) {
      ctx.progress(t('iso.progress', { name }), { current: 1, total: 2 });
      ctx.warn(t('iso.warning', { name }));
      const lock = await ctx.lock(`iso:${name}`);
      await lock.release();
      const path = `${dir}/${name}.txt`;
      writeFileSync(path, services.get(greeter).greet(name).repeat(times));
      ctx.addOutputFile({ name: `${name}.txt`, size: 0, mediaType: 'text/plain', location: path });
      ctx.info(t('iso.done', { name }));
      return {
        greeting: services.get(greeter).greet(name),
        threadId,
        attempt: ctx.attempt,
        jobId: ctx.jobId,
      };
    },
  }),
});

/** Returns its thread's id, then throws from a timer once its attempt is over (an idle thread crashing). */
export const lateCrashJob = defineJob({
  ...isolated,
  type: 'iso.late-crash',
  params: z.object({ crash: z.boolean() }),
  create: () => ({
    async execute({ crash }) {
      if (crash)
        setTimeout(() => {
          throw new Error('late crash');
        }, 20);
      return threadId;
    },
  }),
});

/** Fails with a typed error, which must reach the record with its code. */
export const failingJob = defineJob({
  ...isolated,
  // A file path works as well as a URL.
  module: fileURLToPath(import.meta.url),
  type: 'iso.failing',
  params: z.object({}),
  create: () => ({
    async execute() {
      throw new UnrecoverableError('no way');
    },
  }),
});

export default definePlugin({
  name: 'isolation-tests',
  jobs: [busyJob, spinJob, exitJob, throwJob, featuresJob, failingJob, lateCrashJob],
});

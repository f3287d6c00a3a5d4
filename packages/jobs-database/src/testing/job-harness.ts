import { type ConsoDb, consoDbToken } from '@hangar/conso-db';
import type { HangarPlugin, JobRecord, ServiceRegistration } from '@hangar/core';
import { createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';

/** A started runner over the plugin and a database, for job tests. */
export interface JobHarness {
  /** The runner (its client cancels and lists jobs). */
  readonly runner: HangarRunner;
  /** Enqueues a job and returns its id. */
  enqueue(type: string, params: unknown, options?: { userId?: string; customerId?: string }): Promise<string>;
  /** Enqueues a job and waits for its end. */
  run(type: string, params: unknown, options?: { userId?: string; customerId?: string }): Promise<JobRecord>;
  /** Waits for a job's end. */
  wait(id: string): Promise<JobRecord>;
  /** The job's messages rendered in a language. */
  messages(id: string, lang?: string): Promise<string[]>;
  /** Stops the runner and closes the queue. */
  stop(): Promise<void>;
}

/** Starts a runner on an in-memory queue with the plugin and the database as a service. */
export async function startJobHarness(
  plugin: HangarPlugin,
  consoDb: ConsoDb,
  concurrency = 4,
  services: readonly ServiceRegistration[] = [],
): Promise<JobHarness> {
  const queue = new MemoryQueue();
  const runner = createRunner({
    queue,
    plugins: [plugin],
    services: [{ token: consoDbToken, value: consoDb }, ...services],
    concurrency,
    pollIntervalMs: 20,
    abortGraceMs: 10_000,
  });
  await runner.start();
  const enqueue = async (type: string, params: unknown, options = {}) =>
    (await runner.client.enqueue(type, params, options)).id;
  const wait = (id: string) => runner.client.waitFor(id, { pollMs: 20 });
  return {
    runner,
    enqueue,
    wait,
    run: async (type, params, options) => wait(await enqueue(type, params, options)),
    messages: async (id, lang = 'en') =>
      (await runner.client.getLog(id)).map((entry) => runner.registry.translator.render(entry.message, lang)),
    stop: async () => {
      await runner.stop();
      await queue.close();
    },
  };
}

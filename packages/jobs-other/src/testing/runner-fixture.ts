import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { consoDbToken, loadTinyDemoGroup, type TinyDemoSummary } from '@hangar/conso-db';
import type { JobRecord } from '@hangar/core';
import { LocalFileStore } from '@hangar/jobs-importexport';
import { openTestDb, type TestDb } from '@hangar/jobs-importexport/testing';
import { createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import type { OtherJobsOptions } from '../plugin/other-jobs-options.js';
import { OtherJobsPlugin } from '../plugin/other-jobs-plugin.js';
import { jobRecordsToken } from '../services/job-records.js';

/** A test database with the demo group, a file store and a runner hosting the pack. */
export interface RunnerFixture {
  readonly test: TestDb;
  readonly demo: TinyDemoSummary;
  readonly store: LocalFileStore;
  readonly runner: HangarRunner;
  readonly plugin: OtherJobsPlugin;
  /** Enqueues a job and waits for its end. */
  run(
    type: string,
    params: unknown,
    options?: { customerId?: string; maxAttempts?: number },
  ): Promise<JobRecord>;
  close(): Promise<void>;
}

/** Opens a {@link RunnerFixture} on `kind` with the plugin built from `options` (its file store added). */
export async function openRunnerFixture(
  kind: 'sqlite' | 'postgres',
  options: OtherJobsOptions = {},
): Promise<RunnerFixture> {
  const test = await openTestDb(kind);
  const demo = await loadTinyDemoGroup(test.consoDb.db);
  const root = join(test.dir, 'files');
  await mkdir(root, { recursive: true });
  const store = new LocalFileStore(root);
  const queue = new MemoryQueue();
  const plugin = new OtherJobsPlugin({ ...options, fileStore: store });
  const runner = createRunner({
    queue,
    plugins: [plugin],
    services: [
      { token: consoDbToken, value: test.consoDb },
      { token: jobRecordsToken, value: queue },
    ],
    pollIntervalMs: 20,
  });
  await runner.start();
  return {
    test,
    demo,
    store,
    runner,
    plugin,
    async run(type, params, opts = {}) {
      const { id } = await runner.client.enqueue(type, params, opts);
      return runner.client.waitFor(id, { pollMs: 20 });
    },
    async close() {
      await runner.stop();
      await queue.close();
      await test.cleanup();
    },
  };
}

// Test harness of this package's own tests (not exported): a real runner with the plugin.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobRecord, LogEntry, ServiceRegistration } from '@hangar/core';
import { createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import { UtilsPlugin } from '../plugin/utils-plugin.js';
import { queueAdapterToken } from '../queue/queue-token.js';
import type { UtilsPluginOptions } from '../settings/utils-options.js';

/** A started runner hosting the utility plugin, and shortcuts for its tests. */
export interface UtilsHarness {
  readonly runner: HangarRunner;
  /** The runner's queue (also registered under `queueAdapterToken`). */
  readonly queue: MemoryQueue;
  /** Enqueues and waits for the end. */
  run(type: string, params: unknown, customerId?: string): Promise<JobRecord>;
  enqueue(type: string, params: unknown, customerId?: string): Promise<string>;
  log(id: string): Promise<LogEntry[]>;
  /** Waits until the job's log holds an entry whose `line` param matches; returns that line. */
  waitForLine(id: string, pattern: RegExp): Promise<string>;
  /** Renders an error entry of a record in a language. */
  render(record: JobRecord, language: string, index?: number): string;
  stop(): Promise<void>;
}

export async function startUtilsHarness(
  options: UtilsPluginOptions,
  services: ServiceRegistration[] = [],
): Promise<UtilsHarness> {
  const queue = new MemoryQueue();
  const runner = await createRunner({
    queue,
    plugins: [new UtilsPlugin(options)],
    // The queue itself, for the cleanup job.
    services: [{ token: queueAdapterToken, value: queue } as ServiceRegistration, ...services],
    pollIntervalMs: 20,
  }).start();
  const enqueue = async (type: string, params: unknown, customerId?: string) =>
    (await runner.client.enqueue(type, params, customerId === undefined ? {} : { customerId })).id;
  return {
    runner,
    queue,
    enqueue,
    run: async (type, params, customerId) =>
      runner.client.waitFor(await enqueue(type, params, customerId), { pollMs: 20 }),
    log: (id) => runner.client.getLog(id),
    async waitForLine(id, pattern) {
      for (let i = 0; i < 1_200; i++) {
        for (const entry of await runner.client.getLog(id)) {
          const line = entry.message.params?.line;
          if (typeof line === 'string' && pattern.test(line)) return line;
        }
        const job = await runner.client.get(id);
        if (job && ['Succeeded', 'Failed', 'Cancelled'].includes(job.state))
          throw new Error(`job ended ${job.state} before printing ${pattern}`);
        await sleep(50);
      }
      throw new Error(`no line matching ${pattern}`);
    },
    render(record, language, index = 0) {
      const entry = record.errorInfo?.[index];
      if (!entry) throw new Error(`no error entry ${index} on ${record.state} job`);
      return runner.registry.translator.render({ key: entry.key, params: entry.params }, language);
    },
    async stop() {
      await runner.stop();
      await queue.close();
    },
  };
}

/** Whether a process is gone: no such pid, or a zombie (dead, only its exit status left). */
export async function processGone(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Waits (generously: the machine is shared) until the process is gone; false if it never goes. */
export async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    if (await processGone(pid)) return true;
    await sleep(25);
  }
  return false;
}

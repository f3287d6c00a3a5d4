import type { CliHost, EmbeddedHost } from '@hangar/core';
import { createRunner, MemoryQueue } from '@hangar/runner';

/**
 * A CliHost for tests: each `startEmbedded` starts a real runner on an in-memory queue, as the
 * `hangar` CLI does, so plugin commands run their jobs exactly as in production.
 */
export function createTestCliHost(): CliHost {
  return {
    async startEmbedded({ plugins, services }): Promise<EmbeddedHost> {
      const queue = new MemoryQueue();
      const runner = createRunner({
        queue,
        plugins,
        services: services ?? [],
        concurrency: 2,
        pollIntervalMs: 20,
      });
      await runner.start();
      return {
        async run(type, params, options) {
          const { id } = await runner.client.enqueue(type, params, options ?? {});
          return runner.client.waitFor(id, { pollMs: 20 });
        },
        async messages(jobId, lang = 'en') {
          const log = await runner.client.getLog(jobId);
          return log.map((entry) => runner.registry.translator.render(entry.message, lang));
        },
        async stop() {
          await runner.stop();
          await queue.close();
        },
      };
    },
  };
}

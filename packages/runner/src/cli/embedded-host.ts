import type { CliHost, EmbeddedHost, HangarPlugin, ServiceRegistration } from '@hangar/core';
import { MemoryQueue } from '../memory/memory-queue.js';
import { createRunner } from '../runner/hangar-runner.js';

/**
 * What the CLI gives plugin commands: an embedded runner on the in-memory queue, so a job pack's
 * command (e.g. `hangar conso evaluate`) runs its real jobs without the pack depending on the runner.
 */
export const embeddedCliHost: CliHost = {
  async startEmbedded(options: {
    plugins: readonly HangarPlugin[];
    services?: readonly ServiceRegistration[];
  }): Promise<EmbeddedHost> {
    const runner = createRunner({
      queue: new MemoryQueue(),
      plugins: options.plugins,
      services: options.services ?? [],
      retention: false,
    });
    await runner.start();
    return {
      async run(type, params, runOptions = {}) {
        const { id } = await runner.client.enqueue(type, params, runOptions);
        return runner.client.waitFor(id);
      },
      async messages(jobId, lang = 'en') {
        const log = await runner.client.getLog(jobId);
        return log.map((entry) => runner.registry.translator.render(entry.message, lang));
      },
      stop: () => runner.stop(),
    };
  },
};

import { queueAdapterContract } from '@hangar/core/testing';
import { MemoryQueue } from './memory-queue.js';
import { MemoryStore } from './memory-store.js';

queueAdapterContract({
  countsJobs: true,
  storesTriggers: true,
  name: 'memory',
  async setup() {
    const store = new MemoryStore();
    return { create: async () => new MemoryQueue({ store }), teardown: async () => {} };
  },
});

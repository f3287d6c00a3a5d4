import { queueAdapterContract } from '@hangar/core/testing';
import { PlainQueue } from './plain-queue.js';
import { PlainStore } from './plain-store.js';

// The whole suite every adapter of the runner passes, against this one: each test gets a fresh
// store, and `create` opens a second queue on it to play a second process.
queueAdapterContract({
  name: 'plain (example third-party adapter)',
  async setup() {
    const store = new PlainStore();
    return { create: async () => new PlainQueue({ store }), teardown: async () => {} };
  },
});

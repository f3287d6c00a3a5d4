export { MemoryQueue, type MemoryQueueOptions } from './memory-queue.js';
export { MemoryStore } from './memory-store.js';

export { PlainQueue, type PlainQueueOptions } from './plain-queue.js';
export { PlainStore, type StoredJob } from './plain-store.js';

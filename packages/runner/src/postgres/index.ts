export { LATEST_SCHEMA_VERSION } from './migrations.js';
export { POSTGRES_QUEUE_DEFAULTS, type PostgresQueueOptions } from './options.js';
export { PostgresQueue } from './postgres-queue.js';
export type { SqlClient } from './sql-client.js';

/**
 * `@hangar/conso-db/postgres-copy`: bulk loading through PostgreSQL's `COPY … FROM STDIN`. A
 * subpath of its own so that the main entry never loads pg-copy-streams for SQLite or SQL Server.
 */
export { PostgresCopyUnavailableError } from '../errors/postgres-copy-unavailable-error.js';
export { copyText, copyTextRow } from './copy-text.js';
export { PostgresCopyInput } from './postgres-copy-input.js';

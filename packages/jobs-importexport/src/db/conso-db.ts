// The one place this package imports from @hangar/conso-db, so a change there touches one file.
export { consoDbToken } from '@hangar/conso-db';
export type { ConsoDb, ConsoDatabase, ConsoDialect, ConsoTableName } from '@hangar/conso-db';

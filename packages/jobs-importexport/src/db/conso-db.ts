// The one place this package imports from @hangar/conso-db, so a change there touches one file.

export type { ConsoDatabase, ConsoDb, ConsoDialect, ConsoTableName } from '@hangar/conso-db';
export { consoDbToken } from '@hangar/conso-db';

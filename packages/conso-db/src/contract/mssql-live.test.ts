import { NO_MIGRATIONS } from 'kysely';
import { describe } from 'vitest';
import { maskUrlPassword } from '../dialects/conso-db-url.js';
import {
  CONSO_MIGRATION_LOCK_TABLE,
  CONSO_MIGRATION_TABLE,
  createConsoMigrator,
} from '../migrations/migrate-to-latest.js';
import { openConsoDb } from '../open-conso-db.js';
import { describeConsoDbContract } from '../testing/conso-db-contract.js';

// Opt-in: SQL Server tests run only against the server HANGAR_MSSQL_URL names, which must be an
// empty scratch database (mssql://user:pass@host:1433/db?trustServerCertificate=true). Afterwards
// every migration is rolled back and the bookkeeping tables dropped, leaving it empty again.
const url = process.env.HANGAR_MSSQL_URL;
if (url === undefined) console.warn('[conso-db] skipping live SQL Server tests: HANGAR_MSSQL_URL is not set');

describe.skipIf(url === undefined)(
  `SQL Server (live, ${url === undefined ? 'unset' : maskUrlPassword(url)})`,
  () => {
    describeConsoDbContract('SQL Server', async () => {
      const handle = await openConsoDb(url!, { poolSize: 4 });
      return {
        handle,
        dispose: async () => {
          try {
            // Down migrations drop every table, data included, children before parents.
            const migrator = await createConsoMigrator(handle.db);
            const { error } = await migrator.migrateTo(NO_MIGRATIONS);
            if (error !== undefined) throw error;
            await handle.db.schema.dropTable(CONSO_MIGRATION_TABLE).execute();
            await handle.db.schema.dropTable(CONSO_MIGRATION_LOCK_TABLE).execute();
          } finally {
            await handle.close();
          }
        },
      };
    });
  },
);

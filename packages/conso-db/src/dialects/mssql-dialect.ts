import { type Dialect, MssqlDialect } from 'kysely';
import type { MssqlConnectionSettings } from './conso-db-url.js';
import { loadDriver } from './load-driver.js';

/** Builds a Kysely SQL Server dialect over tedious connections pooled by tarn. */
export async function createMssqlDialect(
  settings: MssqlConnectionSettings,
  poolSize: number,
): Promise<Dialect> {
  const packages = ['tedious', 'tarn'];
  const tedious = await loadDriver('mssql', packages, () => import('tedious'));
  const tarn = await loadDriver('mssql', packages, () => import('tarn'));
  return new MssqlDialect({
    tarn: { ...tarn, options: { min: 0, max: poolSize } },
    tedious: {
      ...tedious,
      connectionFactory: () =>
        new tedious.Connection({
          server: settings.server,
          authentication: {
            type: 'default',
            options: { userName: settings.userName, password: settings.password },
          },
          options: {
            // tedious ignores `port` when an instance name is given (it asks SQL Browser instead).
            ...(settings.instanceName ? { instanceName: settings.instanceName } : { port: settings.port }),
            ...(settings.database ? { database: settings.database } : {}),
            encrypt: settings.encrypt,
            trustServerCertificate: settings.trustServerCertificate,
          },
        }),
    },
  });
}

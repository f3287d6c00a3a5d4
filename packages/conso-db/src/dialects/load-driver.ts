import { ConsoDbDriverMissingError } from '../errors/conso-db-driver-missing-error.js';

/**
 * Imports a driver module on first use. Drivers are optional peer dependencies: an application on
 * PostgreSQL must not need better-sqlite3's native build, so nothing imports them statically.
 */
export async function loadDriver<T>(
  dialect: string,
  packages: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ConsoDbDriverMissingError(dialect, packages, cause);
    }
    throw cause;
  }
}

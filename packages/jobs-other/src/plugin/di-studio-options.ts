import { ConfigurationError } from '@hangar/core';

/** A database a DI Studio pipeline may extract from with a read-only query. */
export interface DiConnection {
  /** Database URL, as `openConsoDb` takes it (`postgres://…`, `sqlite:…`, `mssql://…`). */
  url: string;
  /** Only jobs of these customers (and system jobs) may use it; every customer when absent. @defaultValue undefined */
  customers?: readonly string[];
}

/** Options of the DI Studio job. */
export interface DiStudioOptions {
  /** Connections by name; SQL sources name one. @defaultValue {} */
  connections: Readonly<Record<string, DiConnection>>;
  /** Rows a dry run shows. @defaultValue 5 */
  previewRows: number;
}

/** Defaults of {@link DiStudioOptions}. */
export const DI_STUDIO_DEFAULTS: DiStudioOptions = { connections: {}, previewRows: 5 };

/** Applies the defaults and checks the options; a wrong one is `ConfigurationError` naming it. */
export function resolveDiStudioOptions(options: Partial<DiStudioOptions> = {}): DiStudioOptions {
  const resolved: DiStudioOptions = {
    connections: options.connections ?? DI_STUDIO_DEFAULTS.connections,
    previewRows: options.previewRows ?? DI_STUDIO_DEFAULTS.previewRows,
  };
  if (!Number.isInteger(resolved.previewRows) || resolved.previewRows < 0 || resolved.previewRows > 1000) {
    throw new ConfigurationError(
      'diStudio.previewRows',
      `must be a whole number in [0, 1000], got ${resolved.previewRows}`,
    );
  }
  for (const [name, connection] of Object.entries(resolved.connections)) {
    if (typeof connection?.url !== 'string' || connection.url.trim() === '') {
      throw new ConfigurationError(`diStudio.connections.${name}.url`, 'must be a database URL');
    }
  }
  return resolved;
}

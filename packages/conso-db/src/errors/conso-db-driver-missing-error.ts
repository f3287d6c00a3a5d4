import { HangarError } from '@hangar/core';

/** The database driver for the URL's dialect is an optional peer that is not installed. */
export class ConsoDbDriverMissingError extends HangarError {
  constructor(dialect: string, packages: readonly string[], cause: unknown) {
    const list = packages.join(' ');
    super(
      'CONSO_DB_DRIVER_MISSING',
      'hangar.consoDb.error.driverMissing',
      `The ${dialect} driver is not installed; run: npm install ${list}`,
      { params: { dialect, packages: list }, cause, retryable: false },
    );
  }
}

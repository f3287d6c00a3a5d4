import { HangarError } from './hangar-error.js';

/**
 * A feature needs an optional peer dependency (a database or HTTP driver) that is not installed.
 * Drivers are optional so that an application pays only for the queue and API it uses; this error
 * names the package and the command that installs it.
 */
export class DriverNotInstalledError extends HangarError {
  constructor(driver: string, feature: string, cause?: unknown) {
    const install = `npm install ${driver}`;
    super(
      'DRIVER_NOT_INSTALLED',
      'hangar.error.driverNotInstalled',
      `${feature} needs the "${driver}" package, which is not installed; run: ${install}`,
      { params: { driver, feature, install }, cause, retryable: false },
    );
  }
}

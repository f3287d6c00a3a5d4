import { createServiceToken, type ServiceResolver } from '@hangar/core';
import { SystemLogsNotConfiguredError } from '../errors/system-logs-not-configured-error.js';

/** Where the system logs export writes its CSV files. */
export interface SystemLogsSettings {
  readonly directory: string;
}

/** Service token of the export's settings (the plugin registers them from its `systemLogs` option). */
export const systemLogsSettingsToken = createServiceToken<SystemLogsSettings>(
  'hangar.conso-jobs.system-logs',
);

/** The settings, or `SystemLogsNotConfiguredError`. */
export function systemLogsSettingsOf(services: ServiceResolver): SystemLogsSettings {
  if (!services.has(systemLogsSettingsToken)) throw new SystemLogsNotConfiguredError();
  return services.get(systemLogsSettingsToken);
}

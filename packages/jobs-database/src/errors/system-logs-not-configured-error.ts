import { ConsoError } from './conso-error.js';

/** The system logs export ran on a host that gave the plugin no `systemLogs` directory. */
export class SystemLogsNotConfiguredError extends ConsoError {
  constructor() {
    super(
      'SYSTEM_LOGS_NOT_CONFIGURED',
      'conso.error.systemLogsNotConfigured',
      'The system logs export is not configured: give the plugin its systemLogs directory',
    );
  }
}

import { ConfigurationError } from '@hangar/core';
import { Cron } from 'croner';

/** Next fire time of a cron expression in a time zone strictly after `after` (DST-correct); null if none. */
export function nextCronRun(cron: string, timezone: string, after: Date): Date | null {
  return parseCron(cron, timezone).nextRun(after);
}

/** Parses and checks a cron expression and time zone, naming what is wrong. */
export function parseCron(cron: string, timezone: string): Cron {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ConfigurationError('timezone', `"${timezone}" is not an IANA time zone (e.g. "Europe/Paris")`);
  }
  try {
    return new Cron(cron, { timezone, paused: true });
  } catch (error) {
    throw new ConfigurationError(
      'cron',
      `"${cron}" is not a valid cron expression: ${(error as Error).message}`,
    );
  }
}

import type { ScheduleRecord } from '@hangar/core';
import type { ScheduleCalls } from '../operator-calls/schedule-calls-base.js';
import { rowToSchedule, type ScheduleRow, scheduleSql, scheduleValues } from './schedule-sql.js';
import type { SchemaNames } from './schema-names.js';

/** How the schedules run statements: through the queue, which checks it is open and migrated first. */
export interface ScheduleStatements {
  rows<R>(text: string, values: unknown[]): Promise<R[]>;
  /** Runs a statement and returns how many rows it touched. */
  exec(text: string, values: unknown[]): Promise<number>;
}

/** Cron schedules of the PostgreSQL queue, one row each in the schema's schedule table. */
export class PostgresSchedules implements ScheduleCalls {
  private readonly sql: ReturnType<typeof scheduleSql>;

  constructor(
    names: SchemaNames,
    private readonly run: ScheduleStatements,
  ) {
    this.sql = scheduleSql(names);
  }

  async saveSchedule(schedule: ScheduleRecord): Promise<void> {
    await this.run.exec(this.sql.save, scheduleValues(schedule));
  }

  async getSchedule(name: string): Promise<ScheduleRecord | undefined> {
    const [row] = await this.run.rows<ScheduleRow>(this.sql.get, [name]);
    return row ? rowToSchedule(row) : undefined;
  }

  async listSchedules(): Promise<ScheduleRecord[]> {
    return (await this.run.rows<ScheduleRow>(this.sql.list, [])).map(rowToSchedule);
  }

  async deleteSchedule(name: string): Promise<boolean> {
    return (await this.run.exec(this.sql.delete, [name])) === 1;
  }

  async advanceSchedule(name: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean> {
    return (await this.run.exec(this.sql.advance, [name, expected, next, firedAt])) === 1;
  }
}

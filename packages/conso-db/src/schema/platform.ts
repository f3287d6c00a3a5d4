import type { Generated } from 'kysely';
import type { Flag, IsoTimestamp } from './column-kinds.js';

/** `translations`: UI and message texts by key and language. */
export interface TranslationsTable {
  id: Generated<number>;
  key: string;
  /** e.g. `en`, `fr`. */
  language: string;
  text: string;
}

/** `modification_log`: audit trail of user and job actions, stored translatable. */
export interface ModificationLogTable {
  id: Generated<number>;
  customer_id: number;
  /** Groups the entries of one action, e.g. a job id. */
  log_group: string;
  message_key: string;
  /** Message parameters as a JSON object text. */
  params: string;
  conso_id: number | null;
  user_id: number | null;
  /** UI screen or job type the action came from. */
  screen: string | null;
  logged_at: IsoTimestamp;
}

/** `job_schedules`: a recurring background job of a customer. */
export interface JobSchedulesTable {
  id: Generated<number>;
  customer_id: number;
  name: string;
  job_type: string;
  /** Five-field cron expression. */
  cron: string;
  /** IANA time zone the cron expression is read in. */
  timezone: string;
  /** Job parameters as a JSON object text. */
  params: string;
  enabled: Generated<Flag>;
  last_run_at: IsoTimestamp | null;
  next_run_at: IsoTimestamp | null;
  created_by: string | null;
}

/** `file_mapping_profiles`: how the generic import reads a customer's file into a table. */
export interface FileMappingProfilesTable {
  id: Generated<number>;
  customer_id: number;
  code: string;
  name: string;
  /** Table the import writes, e.g. `bundles`. */
  target_table: string;
  /** `csv`, `xlsx` or `fixed`. */
  file_format: string;
  /** Reader options (delimiter, header rows, encoding...) as a JSON object text. */
  options: string;
  /** Column mappings (source column or fixed value → target column, transforms) as JSON text. */
  column_mappings: string;
  created_at: IsoTimestamp;
}

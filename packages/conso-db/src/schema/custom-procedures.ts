import type { Generated } from 'kysely';
import type { Flag, IsoTimestamp } from './column-kinds.js';

/** Types a custom procedure parameter may have. */
export const CUSTOM_PARAM_TYPE_VALUES = ['text', 'integer', 'number', 'boolean', 'date'] as const;
/** A custom procedure parameter's type. */
export type CustomParamType = (typeof CUSTOM_PARAM_TYPE_VALUES)[number];

/** A customer-defined procedure the CustomProcedure job runs. */
export interface CustomProceduresTable {
  id: Generated<number>;
  customer_id: number;
  /** Code the job names it by, unique per customer. */
  code: string;
  name: string;
  /** Stored procedure (`name` or `schema.name`) on PostgreSQL and SQL Server. */
  procedure_name: string | null;
  /** SQL script with named parameters (`:name`) on SQLite, statements separated by `;` at line ends. */
  sql_script: string | null;
  created_at: IsoTimestamp;
}

/** One parameter definition of a custom procedure. */
export interface CustomProcedureParamsTable {
  id: Generated<number>;
  procedure_id: number;
  /** Order of the parameter in the call. */
  position: number;
  name: string;
  type: CustomParamType;
  required: Generated<Flag>;
  /** Default as text, converted to the type; null for none. */
  default_value: string | null;
}

import type { Generated } from 'kysely';
import type { Flag, IsoTimestamp } from './column-kinds.js';

/** `customers`: one tenant; every business row hangs off a customer, directly or through a parent. */
export interface CustomersTable {
  id: Generated<number>;
  /** Short unique code, e.g. `ACME`. */
  code: string;
  name: string;
  /** Currency exchange rates are quoted against (1 unit of a currency = rate units of this one). */
  reference_currency: string;
  created_at: IsoTimestamp;
  /** Set when a deletion of the customer started; its jobs are refused from then on. */
  deleting_at: IsoTimestamp | null;
}

/** `users`: a login of a customer. */
export interface UsersTable {
  id: Generated<number>;
  customer_id: number;
  /** Unique per customer; what `consos.locked_by` and logs record. */
  login: string;
  display_name: string;
  email: string | null;
  /** UI language, e.g. `en`. */
  language: string;
  is_admin: Generated<Flag>;
  created_at: IsoTimestamp;
}

/** `currencies`: ISO 4217 currencies, shared by all customers. */
export interface CurrenciesTable {
  /** ISO code, e.g. `EUR`; the primary key. */
  code: string;
  name: string;
  /** Minor-unit digits (2 for EUR, 0 for JPY). */
  decimals: number;
}

import type { Generated } from 'kysely';
import type {
  AccountRole,
  AccountType,
  Flag,
  FlowKind,
  IsoDate,
  IsoTimestamp,
  RateType,
} from './column-kinds.js';

/** `companies`: a legal entity reporting a bundle in its local currency. */
export interface CompaniesTable {
  id: Generated<number>;
  customer_id: number;
  /** Unique per customer. */
  code: string;
  name: string;
  /** Local (functional) currency code. */
  currency: string;
  /** ISO 3166 country code, when known. */
  country: string | null;
}

/** `accounts`: the chart of accounts, a tree through `parent_id`. */
export interface AccountsTable {
  id: Generated<number>;
  customer_id: number;
  /** Unique per customer. */
  code: string;
  name: string;
  type: AccountType;
  rate_type: RateType;
  /** Special role the engine looks the account up by; null for ordinary accounts. */
  role: AccountRole | null;
  /** Summary account above this one; null at the top of the tree. */
  parent_id: number | null;
  /** Summary accounts only aggregate: bundles never report on them. */
  is_summary: Generated<Flag>;
}

/** `flows`: columns of the balance-sheet movement analysis (opening, increases, closing...). */
export interface FlowsTable {
  id: Generated<number>;
  customer_id: number;
  code: string;
  name: string;
  kind: FlowKind;
}

/** `categories`: kinds of data set, e.g. `ACT` actuals and `BUD` budget. */
export interface CategoriesTable {
  id: Generated<number>;
  customer_id: number;
  code: string;
  name: string;
}

/** `periods`: a closing month of a customer. */
export interface PeriodsTable {
  id: Generated<number>;
  customer_id: number;
  year: number;
  /** 1-12. */
  month: number;
  /** `YYYYMM`, the prefix of conso codes. */
  code: string;
  start_date: IsoDate;
  end_date: IsoDate;
  /** When the period was closed; null while it is open. */
  closed_at: IsoTimestamp | null;
  /** Login that closed it. */
  closed_by: string | null;
}

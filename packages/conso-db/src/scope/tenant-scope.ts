import { TenantMismatchError } from '@hangar/core';
import type { Kysely } from 'kysely';
import { ConsoBeingDeletedError } from '../errors/conso-being-deleted-error.js';
import { CustomerBeingDeletedError } from '../errors/customer-being-deleted-error.js';
import { ScopeCustomerRequiredError } from '../errors/scope-customer-required-error.js';
import { type ScopeKind, ScopeNotFoundError } from '../errors/scope-not-found-error.js';
import { TenantUnknownError } from '../errors/tenant-unknown-error.js';
import type { ClosingStage } from '../schema/closing-process.js';
import type { IsoDate } from '../schema/column-kinds.js';
import type { ConsoDatabase, ConsoRow } from '../schema/conso-database.js';
import { type CustomerRow, findCustomer, findCustomerByCode } from './customer-lookup.js';
import { assertMayWriteShared } from './shared-tables.js';

/** A row named by id (number) or code (string). */
export type ScopeRef = string | number;

/** The customer a scope is confined to. */
export interface ScopeCustomer {
  id: number;
  code: string;
  /** Currency exchange rates are quoted against. */
  referenceCurrency: string;
}

/** A conso row with the codes of its period and category. */
export type ScopedConso = ConsoRow<'consos'> & { period_code: string; category_code: string };

/** What a job tells {@link TenantScope.open}. */
export interface TenantScopeRequest {
  /** The job's tenant (`ctx.customerId`), a customer code; undefined for a system job. */
  tenant: string | undefined;
  /** The job's `customer` parameter, by code or id, when it has one. */
  customer?: ScopeRef | undefined;
  /** Name of that parameter in errors. @defaultValue 'customer' */
  customerParam?: string;
  /**
   * Also open a customer whose deletion started (only the deletion itself, to finish it); any
   * other job is refused with `CustomerBeingDeletedError`. @defaultValue false
   */
  allowDeleting?: boolean;
}

/** Options of {@link TenantScope.conso}. */
export interface ConsoLookupOptions {
  /** Also find a conso whose deletion started (only the deletion, to resume it). @defaultValue false */
  allowDeleting?: boolean;
}

/** Deadlines of a closing process per stage (ISO dates); null clears one, absent keeps it. */
export type ClosingDeadlines = Partial<Record<`${ClosingStage}_deadline`, IsoDate | null>>;

/** Tables whose rows a customer names by a unique code. */
type CodedTable = 'companies' | 'accounts' | 'flows' | 'categories' | 'periods';

/**
 * The one place where a job turns the references in its params into rows, always inside the
 * job's customer. The job's tenant is the authority: a `customer` param that names another
 * customer, or an id of another customer's row, is `TenantMismatchError` before anything is read
 * or written; a code is looked up within the tenant only, so customer B's `C001` is never found
 * by customer A's job. Only a system job (no tenant) may choose its customer through params.
 *
 * @example
 * ```ts
 * const scope = await TenantScope.open(db, { tenant: ctx.customerId, customer: params.customer });
 * const [conso] = await scope.consos(params.consos);
 * const companyIds = await (await scope.forConso(conso)).companies(params.companies ?? []);
 * ```
 */
export class TenantScope {
  private constructor(
    private readonly db: Kysely<ConsoDatabase>,
    /** The job's tenant, or undefined for a system job. */
    readonly tenant: string | undefined,
    private readonly scopedCustomer: ScopeCustomer | undefined,
    private readonly customerParam: string,
  ) {}

  /** Opens the scope of a job: its tenant's customer, or for a system job the one its params name. */
  static async open(db: Kysely<ConsoDatabase>, request: TenantScopeRequest): Promise<TenantScope> {
    const param = request.customerParam ?? 'customer';
    const named = request.customer === '' ? undefined : request.customer;
    if (request.tenant !== undefined) {
      const own = await findCustomerByCode(db, request.tenant);
      if (own === undefined) throw new TenantUnknownError(request.tenant);
      if (named !== undefined && named !== own.code && named !== own.id) {
        throw new TenantMismatchError(param, named, request.tenant);
      }
      assertNotDeleting(own, request.allowDeleting);
      return new TenantScope(db, request.tenant, toCustomer(own), param);
    }
    if (named === undefined) return new TenantScope(db, undefined, undefined, param);
    const row = await findCustomer(db, named);
    if (row === undefined) throw new ScopeNotFoundError('customer', param, named);
    assertNotDeleting(row, request.allowDeleting);
    return new TenantScope(db, undefined, toCustomer(row), param);
  }

  /** True for a system job: no tenant, so it may name any customer. */
  get isSystem(): boolean {
    return this.tenant === undefined;
  }

  /** The customer every lookup is confined to; undefined for a system job that named none. */
  get customer(): ScopeCustomer | undefined {
    return this.scopedCustomer;
  }

  /** The customer, or `ScopeCustomerRequiredError` for a system job that named none. */
  requireCustomer(): ScopeCustomer {
    if (this.scopedCustomer === undefined) throw new ScopeCustomerRequiredError(this.customerParam);
    return this.scopedCustomer;
  }

  /** The same scope over a transaction (or another connection to the same database). */
  withDb(db: Kysely<ConsoDatabase>): TenantScope {
    return new TenantScope(db, this.tenant, this.scopedCustomer, this.customerParam);
  }

  /**
   * The scope of a conso's customer: for a system job that named no customer, lookups that follow
   * a conso (its companies, accounts) then stay inside that conso's customer.
   */
  async forConso(conso: Pick<ScopedConso, 'customer_id'>): Promise<TenantScope> {
    const current = this.scopedCustomer;
    if (current !== undefined) {
      if (current.id !== conso.customer_id) {
        throw new TenantMismatchError('conso', conso.customer_id, this.tenant ?? current.code);
      }
      return this;
    }
    const row = await findCustomer(this.db, conso.customer_id);
    if (row === undefined) throw new ScopeNotFoundError('customer', this.customerParam, conso.customer_id);
    return new TenantScope(this.db, this.tenant, toCustomer(row), this.customerParam);
  }

  /** Consos by id or code, de-duplicated and ordered by code, then id. */
  async consos(refs: readonly ScopeRef[], param = 'consos'): Promise<ScopedConso[]> {
    const found = new Map<number, ScopedConso>();
    for (const [i, ref] of refs.entries()) {
      const conso = await this.conso(ref, `${param}.${i}`);
      found.set(conso.id, conso);
    }
    return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id - b.id));
  }

  /** One conso by id or code. A system job without a customer may name a conso whose code is unique. */
  async conso(ref: ScopeRef, param = 'conso', options: ConsoLookupOptions = {}): Promise<ScopedConso> {
    let query = this.db
      .selectFrom('consos')
      .innerJoin('periods', 'periods.id', 'consos.period_id')
      .innerJoin('categories', 'categories.id', 'consos.category_id')
      .selectAll('consos')
      .select(['periods.code as period_code', 'categories.code as category_code']);
    query =
      typeof ref === 'number' ? query.where('consos.id', '=', ref) : query.where('consos.code', '=', ref);
    const customer = this.scopedCustomer;
    if (customer !== undefined && typeof ref === 'string')
      query = query.where('consos.customer_id', '=', customer.id);
    const rows = await query.execute();
    const [first] = rows;
    if (first === undefined) throw new ScopeNotFoundError('conso', param, ref);
    if (rows.length > 1) throw new ScopeCustomerRequiredError(this.customerParam);
    if (customer !== undefined && first.customer_id !== customer.id) {
      throw new TenantMismatchError(param, ref, this.tenant ?? customer.code);
    }
    // Checked after the tenant, so another customer's conso is refused as such, never described.
    if (first.deleting_at !== null && options.allowDeleting !== true) {
      throw new ConsoBeingDeletedError(first.code, first.deleting_at);
    }
    return first;
  }

  /** Ids of companies by id or code, in the order given. */
  companies(refs: readonly ScopeRef[], param = 'companies'): Promise<number[]> {
    return this.idsOf('companies', 'company', refs, param);
  }

  /** Id of one company by id or code. */
  async company(ref: ScopeRef, param = 'company'): Promise<number> {
    return (await this.idsOf('companies', 'company', [ref], param, false))[0] as number;
  }

  /** Id of a period by code (`YYYYMM`) or id. */
  async period(ref: ScopeRef, param = 'period'): Promise<number> {
    return (await this.idsOf('periods', 'period', [ref], param, false))[0] as number;
  }

  /** Id of a category by code (`ACT`, `BUD`…) or id. */
  async category(ref: ScopeRef, param = 'category'): Promise<number> {
    return (await this.idsOf('categories', 'category', [ref], param, false))[0] as number;
  }

  /** Ids of accounts by id or code, in the order given. */
  accounts(refs: readonly ScopeRef[], param = 'accounts'): Promise<number[]> {
    return this.idsOf('accounts', 'account', refs, param);
  }

  /** Ids of flows by id or code, in the order given. */
  flows(refs: readonly ScopeRef[], param = 'flows'): Promise<number[]> {
    return this.idsOf('flows', 'flow', refs, param);
  }

  /**
   * The closing process of a conso of this scope (ProcessManagementJob), created on first use;
   * `deadlines` given replace the stored ones. A conso of another customer is `TenantMismatchError`.
   */
  async closingProcess(
    conso: Pick<ScopedConso, 'id' | 'customer_id'>,
    deadlines: ClosingDeadlines = {},
  ): Promise<ConsoRow<'closing_processes'>> {
    await this.forConso(conso);
    const find = () =>
      this.db
        .selectFrom('closing_processes')
        .selectAll()
        .where('conso_id', '=', conso.id)
        .where('customer_id', '=', conso.customer_id)
        .executeTakeFirst();
    const existing = await find();
    if (existing === undefined) {
      await this.db
        .insertInto('closing_processes')
        .values({
          customer_id: conso.customer_id,
          conso_id: conso.id,
          submitted_deadline: deadlines.submitted_deadline ?? null,
          validated_deadline: deadlines.validated_deadline ?? null,
          consolidated_deadline: deadlines.consolidated_deadline ?? null,
          created_at: new Date().toISOString(),
        })
        .execute();
    } else if (Object.keys(deadlines).length > 0) {
      await this.db.updateTable('closing_processes').set(deadlines).where('id', '=', existing.id).execute();
    }
    const row = await find();
    if (row === undefined) throw new ScopeNotFoundError('conso', 'conso', conso.id);
    return row;
  }

  /** Throws `SharedDataWriteError` unless this is a system job: shared tables are theirs to change. */
  assertMayWriteShared(table: string): void {
    assertMayWriteShared(this.tenant, table);
  }

  private async idsOf(
    table: CodedTable,
    kind: ScopeKind,
    refs: readonly ScopeRef[],
    param: string,
    indexed = true,
  ): Promise<number[]> {
    if (refs.length === 0) return [];
    const customer = this.requireCustomer();
    const codes = refs.filter((ref): ref is string => typeof ref === 'string');
    const ids = refs.filter((ref): ref is number => typeof ref === 'number');
    const byCode = new Map<string, number>();
    const ownIds = new Set<number>();
    if (codes.length > 0) {
      const rows = await this.db
        .selectFrom(table)
        .select(['id', 'code'])
        .where('customer_id', '=', customer.id)
        .where('code', 'in', [...new Set(codes)])
        .execute();
      for (const row of rows) byCode.set(row.code, row.id);
    }
    if (ids.length > 0) {
      const rows = await this.db
        .selectFrom(table)
        .select(['id', 'customer_id'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      for (const row of rows) {
        if (row.customer_id === customer.id) ownIds.add(row.id);
      }
      const foreign = new Set(rows.filter((r) => r.customer_id !== customer.id).map((r) => r.id));
      for (const [i, ref] of refs.entries()) {
        if (typeof ref === 'number' && foreign.has(ref)) {
          throw new TenantMismatchError(indexed ? `${param}.${i}` : param, ref, this.tenant ?? customer.code);
        }
      }
    }
    return refs.map((ref, i) => {
      const id = typeof ref === 'number' ? (ownIds.has(ref) ? ref : undefined) : byCode.get(ref);
      if (id === undefined) throw new ScopeNotFoundError(kind, indexed ? `${param}.${i}` : param, ref);
      return id;
    });
  }
}

/** A customer whose deletion started is refused, except to the deletion that finishes it. */
function assertNotDeleting(row: CustomerRow, allowDeleting: boolean | undefined): void {
  if (row.deleting_at !== null && allowDeleting !== true)
    throw new CustomerBeingDeletedError(row.code, row.deleting_at);
}

function toCustomer(row: CustomerRow): ScopeCustomer {
  return { id: row.id, code: row.code, referenceCurrency: row.reference_currency };
}

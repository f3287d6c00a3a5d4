// Public API of @hangar/conso-db. One export per line so each carries its own one-line summary.

/** Options of `bulkInsert`. */
export type { BulkInsertOptions, RowSource } from './bulk-insert.js';
// --- Bulk insert -----------------------------------------------------------------------------------------
/** Inserts rows in multi-row statements sized to the dialect's parameter limit, in one transaction. */
/** Largest batch one INSERT may carry on a database. */
/** Bind-parameter limits per dialect, and SQL Server's 1000-row cap. */
export { BIND_PARAMETER_LIMITS, batchPlan, bulkInsert, MSSQL_MAX_ROWS_PER_INSERT } from './bulk-insert.js';
/** Service token under which a runner provides the open consolidation database to job packs. */
export { consoDbToken } from './conso-db-token.js';
/** Result of `parseConsoDbUrl`, discriminated by `dialect`. */
/** SQL Server connection settings read from an mssql:// URL. */
export type { MssqlConnectionSettings, ParsedConsoDbUrl } from './dialects/conso-db-url.js';
/** Parses a database URL into dialect and connection settings without connecting. */
/** A URL with its password replaced by `***`, for logs. */
export { maskUrlPassword, parseConsoDbUrl } from './dialects/conso-db-url.js';
/** The SQL dialects supported: 'postgres' | 'sqlite' | 'mssql'. */
export type { ConsoDialect } from './dialects/conso-dialect.js';
/** The dialect behind a Kysely instance or transaction. */
export { consoDialectOf } from './dialects/conso-dialect.js';
/** A conso whose deletion started and has not finished; code `CONSO_BEING_DELETED`. */
export { ConsoBeingDeletedError } from './errors/conso-being-deleted-error.js';
/** Thrown when the optional driver package of the dialect is not installed; code `CONSO_DB_DRIVER_MISSING`. */
export { ConsoDbDriverMissingError } from './errors/conso-db-driver-missing-error.js';
/** English and French messages of this package's error keys. */
export { consoDbMessages } from './errors/conso-db-messages.js';
/** Thrown when a migration fails, naming it; code `CONSO_DB_MIGRATION_FAILED`. */
export { ConsoDbMigrationError } from './errors/conso-db-migration-error.js';
/** Thrown for a supported but unusable URL (no host, no user...); code `CONSO_DB_URL_INVALID`. */
export { ConsoDbUrlInvalidError } from './errors/conso-db-url-invalid-error.js';
// --- Errors ---------------------------------------------------------------------------------------
/** Thrown for a URL scheme no dialect handles; code `CONSO_DB_URL_UNSUPPORTED`. */
/** The URL schemes `openConsoDb` accepts. */
export {
  ConsoDbUrlUnsupportedError,
  SUPPORTED_URL_SCHEMES,
} from './errors/conso-db-url-unsupported-error.js';
/** A customer whose deletion started and has not finished; code `CUSTOMER_BEING_DELETED`. */
export { CustomerBeingDeletedError } from './errors/customer-being-deleted-error.js';
/** An import or consolidation into a closed period; code `PERIOD_CLOSED`. */
export { PeriodClosedError } from './errors/period-closed-error.js';
/** A system job named no customer where one is needed; code `SCOPE_CUSTOMER_REQUIRED`. */
export { ScopeCustomerRequiredError } from './errors/scope-customer-required-error.js';
/** A param names a row the job's customer does not have; code `SCOPE_NOT_FOUND`. */
export { type ScopeKind, ScopeNotFoundError } from './errors/scope-not-found-error.js';
/** A customer's job tried to change a table all customers share; code `TENANT_SHARED_WRITE`. */
export { SharedDataWriteError } from './errors/shared-data-write-error.js';
/** The job's tenant is not a customer code of the database; code `TENANT_UNKNOWN`. */
export { TenantUnknownError } from './errors/tenant-unknown-error.js';
/** A stored validation rule that cannot be evaluated (bad selector, unknown account or flow); code `VALIDATION_RULE_INVALID`. */
export { ValidationRuleError } from './errors/validation-rule-error.js';
/** Every migration by name (`0001-...`), in order. */
export { CONSO_MIGRATIONS } from './migrations/conso-migrations.js';
// --- Migrations ---------------------------------------------------------------------------------------
/** Applies pending migrations; returns the names applied ([] when up to date). */
/** A kysely Migrator over the package's migrations, for status or down migrations. */
/** Names of the migration bookkeeping tables. */
export {
  CONSO_MIGRATION_LOCK_TABLE,
  CONSO_MIGRATION_TABLE,
  createConsoMigrator,
  migrateToLatest,
} from './migrations/migrate-to-latest.js';
/** Options of `openConsoDb`: Postgres `schema` (search_path), `poolSize`. */
/** An open database: typed `db`, its `dialect`, `schema` and `close()`. */
export type { ConsoDb, OpenConsoDbOptions } from './open-conso-db.js';
// --- Opening a database -------------------------------------------------------------------------
/** Opens a consolidation database from a postgres://, mssql://, sqlite: URL or a file path. */
export { openConsoDb } from './open-conso-db.js';
/** A closed period: id, code, who closed it and when. */
export type { ClosedPeriod } from './period/period-status.js';
// --- Period status ----------------------------------------------------------------------------------------
/** Refuses (`PeriodClosedError`) when a period is closed; the closed periods among some ids. */
export { assertConsoPeriodsOpen, assertPeriodsOpen, closedPeriods } from './period/period-status.js';
/** One company's bundle total. */
export type { BundleBalance } from './queries/bundle-balances.js';
/** Per-company bundle totals in integer cents (0 when balanced). */
export { bundleBalances } from './queries/bundle-balances.js';
/** Tables `codesToIds` reads. */
export type { CodedTable } from './queries/codes-to-ids.js';
// --- Queries ---------------------------------------------------------------------------------------------
/** Map code → id of a customer's companies, accounts, flows, categories or consos. */
export { codesToIds } from './queries/codes-to-ids.js';
/** Who takes a conso lock. */
export type { ConsoLockRequest } from './queries/conso-lock.js';
/** Takes or releases a conso lock with one conditional UPDATE. */
export { lockConso, unlockConso } from './queries/conso-lock.js';
/** Replaces a conso's consolidated data atomically. */
export { replaceConsolidatedData } from './queries/consolidated-data.js';
/** One modification-log entry. */
export type { ModificationLogEntry } from './queries/modification-log.js';
/** Appends a translatable entry to the modification log. */
export { logModification } from './queries/modification-log.js';
/** Smallest sample chart of accounts. */
export { MIN_SAMPLE_ACCOUNTS, SAMPLE_ACCOUNT_CODES } from './sample-group/chart-of-accounts.js';
/** Options and result of `generateSampleGroup`. */
export type { SampleGroupOptions, SampleGroupSummary } from './sample-group/generate-sample-group.js';
// --- Sample data -----------------------------------------------------------------------------------------
/** Writes a deterministic sample group of any size into a migrated database. */
export { generateSampleGroup } from './sample-group/generate-sample-group.js';
/** Smallest sample group sizes. */
export { MIN_SAMPLE_COMPANIES } from './sample-group/group-structure.js';
/** Result of `loadTinyDemoGroup`. */
export type { TinyDemoOptions, TinyDemoSummary } from './sample-group/tiny-demo-group.js';
/** Loads the five-company demo group of the README. */
export { loadTinyDemoGroup } from './sample-group/tiny-demo-group.js';
/** Tables of the closing process: processes, per-company status, steps started; the stages. */
export type {
  ClosingCompanyStatusTable,
  ClosingProcessesTable,
  ClosingStage,
  ClosingStepsTable,
} from './schema/closing-process.js';
export { CLOSING_STAGE_VALUES } from './schema/closing-process.js';
/** Value domains of enumerated columns (union types). */
export type {
  AccountRole,
  AccountType,
  CategoryLinkMode,
  ConsolidationMethod,
  DataOrigin,
  Flag,
  FlowKind,
  IcSide,
  IsoDate,
  IsoTimestamp,
  JournalCurrency,
  RateType,
  ValidationOperator,
} from './schema/column-kinds.js';
/** Allowed values of enumerated columns, as the CHECK constraints list them. */
export {
  ACCOUNT_ROLE_VALUES,
  ACCOUNT_TYPE_VALUES,
  CATEGORY_LINK_MODE_VALUES,
  CONSOLIDATION_METHOD_VALUES,
  DATA_ORIGIN_VALUES,
  FLOW_KIND_VALUES,
  IC_SIDE_VALUES,
  JOURNAL_CURRENCY_VALUES,
  RATE_TYPE_VALUES,
  VALIDATION_OPERATOR_VALUES,
} from './schema/column-kinds.js';
// --- Schema -----------------------------------------------------------------------------------------
/** The Kysely database interface: every table of the consolidation database. */
/** Name of a table of `ConsoDatabase`. */
/** A row of a table as read. */
/** A row of a table as inserted. */
/** A partial update of a row of a table. */
export type {
  ConsoDatabase,
  ConsoRow,
  ConsoRowUpdate,
  ConsoTableName,
  NewConsoRow,
} from './schema/conso-database.js';
/** Table of consolidated (output) data. */
export type { ConsolidatedDataTable } from './schema/consolidated-data.js';
/** Tables of consolidation definitions: consos, category links. */
export type { CategoryLinksTable, ConsosTable } from './schema/consolidations.js';
/** A custom procedure parameter's type, and the allowed values. */
export { CUSTOM_PARAM_TYPE_VALUES, type CustomParamType } from './schema/custom-procedures.js';
/** Tables of master data: companies, accounts, flows, categories, periods. */
export type {
  AccountsTable,
  CategoriesTable,
  CompaniesTable,
  FlowsTable,
  PeriodsTable,
} from './schema/master-data.js';
/** Tables of ownership: holdings, share registers, ownerships, investments. */
export type {
  HoldingsTable,
  InvestmentsTable,
  OwnershipsTable,
  ShareClassesTable,
  ShareholdingsTable,
} from './schema/ownership.js';
/** Tables of the platform: translations, modification log, job schedules, file mapping profiles. */
export type {
  FileMappingProfilesTable,
  JobSchedulesTable,
  ModificationLogTable,
  TranslationsTable,
} from './schema/platform.js';
/** Tables of rates: exchange rates, historical rates. */
export type { ExchangeRatesTable, HistoricalRatesTable } from './schema/rates.js';
/** Tables of reported data: bundles, adjustment journals and lines. */
export type { AdjustmentJournalsTable, AdjustmentLinesTable, BundlesTable } from './schema/reported-data.js';
/** Tables of rules: intercompany rules, formula groups and formulas. */
export type { FormulaGroupsTable, FormulasTable, IcRuleAccountsTable, IcRulesTable } from './schema/rules.js';
/** Every table in foreign-key order (insert in it, delete in reverse). */
export { CONSO_TABLES_IN_KEY_ORDER } from './schema/table-order.js';
/** Tables of tenancy: customers, users, currencies. */
export type { CurrenciesTable, CustomersTable, UsersTable } from './schema/tenancy.js';
/** Resolves every reference of a job's params inside the job's tenant; tables shared by all customers. */
export { assertMayWriteShared, SHARED_TABLES } from './scope/shared-tables.js';
/** Runs code as a tenant (PostgreSQL connections then carry `hangar.tenant` for row-level security). */
export { bindJobsToTenant, bindJobToTenant, currentTenant, runAsTenant } from './scope/tenant-context.js';
// --- Tenancy ---------------------------------------------------------------------------------------------
/** What a job asks of the scope, a customer, a conso with its period and category codes. */
export type {
  ClosingDeadlines,
  ConsoLookupOptions,
  ScopeCustomer,
  ScopedConso,
  ScopeRef,
  TenantScopeRequest,
} from './scope/tenant-scope.js';
export { TenantScope } from './scope/tenant-scope.js';
// --- Settings of job packs ---------------------------------------------------------------------------
/** How a pack's settings name the database (a URL or `{ url, schema, poolSize, migrate, seed }`). */
/** Opens the database a pack's settings name, shared between packs through the host. */
export {
  type ConsoDbSetting,
  consoDbSettingSchema,
  openConsoDbFromSetting,
} from './settings/conso-db-setting.js';
// --- Validation rules ------------------------------------------------------------------------------------
/** One side of a validation rule (accounts by code, role or type; flows), resolved to ids. */
export {
  type ResolvedSelector,
  type RuleSelector,
  resolveSelector,
  ruleSelectorSchema,
  type SelectableAccount,
} from './validation/rule-selector.js';
/** Where and which rules are evaluated, and what each rule and failing company gave. */
export type {
  RuleEvaluationOptions,
  RuleEvaluationScope,
  ValidationRuleEvaluation,
  ValidationRuleFailure,
  ValidationRuleOutcome,
} from './validation/validation-rule-evaluation.js';
/** Evaluates a customer's validation rules on a period's bundles, all of them in one grouped pass. */
export { evaluateValidationRules } from './validation/validation-rule-evaluation.js';

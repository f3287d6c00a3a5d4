import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  ClosingCompanyStatusTable,
  ClosingProcessesTable,
  ClosingStepsTable,
} from './closing-process.js';
import type { ConsolidatedDataTable } from './consolidated-data.js';
import type { CategoryLinksTable, ConsosTable } from './consolidations.js';
import type { CustomProcedureParamsTable, CustomProceduresTable } from './custom-procedures.js';
import type {
  AccountsTable,
  CategoriesTable,
  CompaniesTable,
  FlowsTable,
  PeriodsTable,
} from './master-data.js';
import type {
  HoldingsTable,
  InvestmentsTable,
  OwnershipsTable,
  ShareClassesTable,
  ShareholdingsTable,
} from './ownership.js';
import type {
  FileMappingProfilesTable,
  JobSchedulesTable,
  ModificationLogTable,
  TranslationsTable,
} from './platform.js';
import type { ExchangeRatesTable, HistoricalRatesTable } from './rates.js';
import type { AdjustmentJournalsTable, AdjustmentLinesTable, BundlesTable } from './reported-data.js';
import type {
  FormulaGroupsTable,
  FormulasTable,
  IcRuleAccountsTable,
  IcRulesTable,
  ValidationRulesTable,
} from './rules.js';
import type { CurrenciesTable, CustomersTable, UsersTable } from './tenancy.js';

/** Every table of the consolidation database, keyed by table name: the type parameter of `Kysely`. */
export interface ConsoDatabase {
  currencies: CurrenciesTable;
  customers: CustomersTable;
  users: UsersTable;
  companies: CompaniesTable;
  accounts: AccountsTable;
  flows: FlowsTable;
  categories: CategoriesTable;
  periods: PeriodsTable;
  consos: ConsosTable;
  category_links: CategoryLinksTable;
  holdings: HoldingsTable;
  share_classes: ShareClassesTable;
  shareholdings: ShareholdingsTable;
  ownerships: OwnershipsTable;
  investments: InvestmentsTable;
  exchange_rates: ExchangeRatesTable;
  historical_rates: HistoricalRatesTable;
  bundles: BundlesTable;
  adjustment_journals: AdjustmentJournalsTable;
  adjustment_lines: AdjustmentLinesTable;
  ic_rules: IcRulesTable;
  ic_rule_accounts: IcRuleAccountsTable;
  formula_groups: FormulaGroupsTable;
  formulas: FormulasTable;
  consolidated_data: ConsolidatedDataTable;
  translations: TranslationsTable;
  modification_log: ModificationLogTable;
  job_schedules: JobSchedulesTable;
  file_mapping_profiles: FileMappingProfilesTable;
  validation_rules: ValidationRulesTable;
  custom_procedures: CustomProceduresTable;
  custom_procedure_params: CustomProcedureParamsTable;
  closing_processes: ClosingProcessesTable;
  closing_company_status: ClosingCompanyStatusTable;
  closing_steps: ClosingStepsTable;
}

/** Name of a table of {@link ConsoDatabase}. */
export type ConsoTableName = keyof ConsoDatabase & string;

/** A row of table `T` as read. */
export type ConsoRow<T extends ConsoTableName> = Selectable<ConsoDatabase[T]>;

/** A row of table `T` as inserted (generated columns optional). */
export type NewConsoRow<T extends ConsoTableName> = Insertable<ConsoDatabase[T]>;

/** A partial update of a row of table `T`. */
export type ConsoRowUpdate<T extends ConsoTableName> = Updateable<ConsoDatabase[T]>;

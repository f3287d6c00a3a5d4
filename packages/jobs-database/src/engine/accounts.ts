import { UnknownAccountError } from './errors/unknown-account-error.js';

/** Account type: balance sheet, equity (capital, reserves, dividends paid, CTA) or profit and loss. */
export type AccountType = 'BS' | 'EQ' | 'PL';

/** Rate type: closing, average, historical, or no conversion. */
export type RateType = 'CC' | 'AC' | 'HC' | 'NR';

/** Roles that tell the engine what an account is for, independently of its code. */
export type AccountRole =
  | 'investment'
  | 'ic'
  | 'dividend_income'
  | 'cta'
  | 'goodwill'
  | 'conso_reserves'
  | 'nci'
  | 'nci_result'
  | 'equity_value'
  | 'share_of_result_equity_method'
  | 'ic_difference'
  | 'retained_earnings';

/** One account of the chart. */
export interface AccountDefinition {
  /** Account code. */
  readonly code: string;
  /** Account type. */
  readonly type: AccountType;
  /** Rate type used when translating; absent for accounts only the engine posts to. */
  readonly rate?: RateType;
  /** Role, when the account plays a special part. */
  readonly role?: string;
}

/** Special accounts the engine posts to, with the code used when no account has the role. */
const SPECIAL_ACCOUNTS: Readonly<Record<string, { code: string; type: AccountType }>> = {
  cta: { code: 'CTA', type: 'EQ' },
  goodwill: { code: 'GOODWILL', type: 'BS' },
  conso_reserves: { code: 'CONSO_RES', type: 'EQ' },
  nci: { code: 'NCI', type: 'EQ' },
  nci_result: { code: 'NCI_PL', type: 'PL' },
  equity_value: { code: 'EQUITY_VALUE', type: 'BS' },
  share_of_result_equity_method: { code: 'SHARE_EQM', type: 'PL' },
};

/** The chart of accounts, looked up by code or by role. */
export class AccountChart {
  private readonly accounts: ReadonlyMap<string, AccountDefinition>;

  constructor(accounts: readonly AccountDefinition[]) {
    this.accounts = new Map(accounts.map((a) => [a.code, a]));
  }

  /** Every account, in chart order. */
  all(): AccountDefinition[] {
    return [...this.accounts.values()];
  }

  /** The account with this code; throws when the chart does not define it. */
  get(code: string, context: string): AccountDefinition {
    const account = this.accounts.get(code);
    if (account === undefined) throw new UnknownAccountError(code, context);
    return account;
  }

  /** The account with this code, if any. */
  find(code: string): AccountDefinition | undefined {
    return this.accounts.get(code);
  }

  /** Codes of every account with this role, in chart order. */
  withRole(role: string): string[] {
    return this.all()
      .filter((a) => a.role === role)
      .map((a) => a.code);
  }

  /** True when the account has this role. */
  hasRole(code: string, role: string): boolean {
    return this.accounts.get(code)?.role === role;
  }

  /**
   * The account the engine posts a special amount to: the first with the role, else the
   * conventional code, so charts that only name accounts by code still work.
   */
  special(role: keyof typeof SPECIAL_ACCOUNTS): string {
    const byRole = this.withRole(role)[0];
    if (byRole !== undefined) return byRole;
    return (SPECIAL_ACCOUNTS[role] as { code: string }).code;
  }

  /** The type of an account, using the conventional type for special accounts missing from the chart. */
  typeOf(code: string): AccountType | undefined {
    const known = this.accounts.get(code)?.type;
    if (known !== undefined) return known;
    return Object.values(SPECIAL_ACCOUNTS).find((s) => s.code === code)?.type;
  }
}

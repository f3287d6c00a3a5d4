import { ConsoError } from './conso-error.js';

/** A company named by id or code in the parameters does not exist for the conso's customer. */
export class CompanyNotFoundError extends ConsoError {
  constructor(company: string | number, conso: string) {
    super(
      'COMPANY_NOT_FOUND',
      'conso.error.companyNotFound',
      `Company ${company} was not found for conso ${conso}`,
      {
        company: String(company),
        conso,
      },
    );
  }
}

import { ConsoError } from './conso-error.js';

/** The customer of an archive already exists in the database restored into, and `replace` was not asked. */
export class RestoreCustomerExistsError extends ConsoError {
  constructor(backup: string, customer: string) {
    super(
      'RESTORE_CUSTOMER_EXISTS',
      'conso.error.restoreCustomerExists',
      `Parameter "backup": customer ${customer} of archive ${backup} already exists here; restore with replace: true to replace its data`,
      { param: 'backup', backup, customer },
    );
  }
}

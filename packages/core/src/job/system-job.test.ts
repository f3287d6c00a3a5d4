import { describe, expect, it } from 'vitest';
import { HangarError } from '../errors/hangar-error.js';
import { SystemJobRequiredError } from '../errors/system-job-required-error.js';
import { coreMessages } from '../i18n/core-messages.js';
import { t } from '../i18n/translatable-string.js';
import { Translator } from '../i18n/translator.js';
import { assertSystemJob } from './system-job.js';

const refusal = (run: () => void): SystemJobRequiredError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SystemJobRequiredError) return error;
    throw error;
  }
  throw new Error('the run was not refused');
};

describe('assertSystemJob', () => {
  it('lets a system job (no tenant) through, allowed customers or not', () => {
    expect(() => assertSystemJob({ type: 'x.whole', customerId: undefined })).not.toThrow();
    expect(() =>
      assertSystemJob({ type: 'x.whole', customerId: undefined }, { allowedCustomers: ['ACME'] }),
    ).not.toThrow();
  });

  it("refuses a customer's job with SYSTEM_JOB_REQUIRED naming the job type and the tenant", () => {
    const error = refusal(() => assertSystemJob({ type: 'x.whole', customerId: 'ACME' }));
    expect(HangarError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'SYSTEM_JOB_REQUIRED',
      key: 'hangar.error.systemJobRequired',
      params: { what: 'x.whole', tenant: 'ACME' },
      retryable: false,
    });
  });

  it('names what was refused when the caller says so', () => {
    const error = refusal(() =>
      assertSystemJob({ type: 'x.clean', customerId: 'ACME' }, { what: 'x.clean (kinds.0: jobs)' }),
    );
    expect(error.params).toEqual({ what: 'x.clean (kinds.0: jobs)', tenant: 'ACME' });
  });

  it('lets only the customers the operator allowed through', () => {
    const allowed = { allowedCustomers: ['ACME'] };
    expect(() => assertSystemJob({ type: 'x.whole', customerId: 'ACME' }, allowed)).not.toThrow();
    expect(refusal(() => assertSystemJob({ type: 'x.whole', customerId: 'GLOBEX' }, allowed)).tenant).toBe(
      'GLOBEX',
    );
  });

  it('renders its message in English and French', () => {
    const tr = new Translator().register(coreMessages);
    const message = t('hangar.error.systemJobRequired', { what: 'x.whole', tenant: 'ACME' });
    expect(tr.render(message, 'en')).toBe('x.whole runs only as a system job; customer ACME may not run it');
    expect(tr.render(message, 'fr')).toBe(
      "x.whole ne s'exécute qu'en tâche système ; le client ACME ne peut pas l'exécuter",
    );
  });
});

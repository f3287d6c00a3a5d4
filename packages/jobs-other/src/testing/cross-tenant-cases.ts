import { type CrossTenantCases, customerParamNamesB, TWO_TENANT_CODES } from '@hangar/conso-db/testing';
import type { AllowedEndpoint } from '../plugin/web-service-options.js';

/**
 * An endpoint reserved for customer B, for the host's `webService.allowList`: customer A's job
 * naming it must be refused. It points at a loopback port nothing answers on.
 */
export const CROSS_TENANT_ENDPOINT: AllowedEndpoint = {
  url: 'http://127.0.0.1:9/bravo/',
  customers: [TWO_TENANT_CODES.b],
};

/** What the e-mail cases need of the host: a finished job of customer B with an output file. */
export interface ForeignJobSource {
  /** Runs a job as `customer` and returns its id and the name of one of its output files. */
  finishedJobOf(customer: string): Promise<{ id: string; file: string }>;
}

/**
 * Customer A's validation-report, e-mail and web-service jobs aimed at customer B's data, for the cross-tenant
 * suite: B's code in the `customer` param, B's conso or companies by id, and B's job's output file
 * as an attachment are refused; the codes both customers use resolve to A's rows. No case sends an
 * e-mail, so the host may point the SMTP settings anywhere.
 */
export function otherCrossTenantCases(jobs: ForeignJobSource): CrossTenantCases {
  return {
    'other.validation-report': [
      { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code, conso: b.consoCode }) },
      {
        name: "a conso named by B's id",
        params: ({ b }) => ({ conso: b.consoId }),
        expect: { refused: 'TENANT_MISMATCH' },
      },
      {
        name: "a company named by B's id",
        params: ({ a, b }) => ({ conso: a.consoCode, companies: [b.companies.FR1] }),
        expect: { refused: 'TENANT_MISMATCH' },
      },
      {
        name: 'codes both customers use resolve to A',
        params: ({ a }) => ({ conso: a.consoCode, companies: ['HOLD', 'FR1'] }),
        expect: 'confined',
      },
    ],
    'other.email': [
      {
        ...customerParamNamesB,
        params: ({ b }) => ({
          customer: b.code,
          template: 'job-finished',
          to: [{ address: 'a@example.com' }],
        }),
      },
      {
        name: "an output file of B's job as attachment",
        params: async ({ b }) => {
          const job = await jobs.finishedJobOf(b.code);
          return {
            template: 'report-ready',
            params: { name: job.file },
            to: [{ address: 'a@example.com' }],
            attachments: [{ job: job.id, file: job.file }],
          };
        },
        expect: { refused: 'TENANT_MISMATCH' },
      },
    ],
    'other.web-service': [
      {
        ...customerParamNamesB,
        params: ({ b }) => ({ customer: b.code, url: `${CROSS_TENANT_ENDPOINT.url}x` }),
      },
      {
        name: "an endpoint reserved for B (the host's allow-list includes CROSS_TENANT_ENDPOINT)",
        params: () => ({ url: `${CROSS_TENANT_ENDPOINT.url}report` }),
        expect: { refused: 'TENANT_MISMATCH' },
      },
    ],
  };
}

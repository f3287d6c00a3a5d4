import { type CrossTenantCases, customerParamNamesB } from '@hangar/conso-db/testing';

/** What the e-mail cases need of the host: a finished job of customer B with an output file. */
export interface ForeignJobSource {
  /** Runs a job as `customer` and returns its id and the name of one of its output files. */
  finishedJobOf(customer: string): Promise<{ id: string; file: string }>;
}

/**
 * Customer A's validation-report and e-mail jobs aimed at customer B's data, for the cross-tenant
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
  };
}

import { type CrossTenantCases, customerParamNamesB, TWO_TENANT_CODES } from '@hangar/conso-db/testing';
import ExcelJS from 'exceljs';
import type { DiConnection } from '../plugin/di-studio-options.js';
import type { AllowedEndpoint } from '../plugin/web-service-options.js';

/**
 * A SQL connection reserved for customer B, for the host's `diStudio.connections` under the name
 * `bravo`: customer A's pipeline naming it must be refused before it is opened.
 */
export const CROSS_TENANT_CONNECTION: DiConnection = {
  url: 'sqlite::memory:',
  customers: [TWO_TENANT_CODES.b],
};

/** A one-sheet template with the named range `PL` (two rows by two columns). */
async function flexTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Report');
  sheet.getCell('D2').value = { formula: 'SUM(B2:C2)' } as ExcelJS.CellFormulaValue;
  workbook.definedNames.add('Report!$B$2:$C$3', 'PL');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const plBinding = (companies: readonly (string | number)[]) => ({
  name: 'PL',
  rows: { dimension: 'account', members: ['7100', '6100'] },
  columns: { dimension: 'company', members: companies },
});

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
 * Customer A's validation-report, e-mail, web-service, flex-sheet and DI Studio jobs aimed at customer B's data, for the cross-tenant
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
    'other.flex-sheet': [
      {
        ...customerParamNamesB,
        params: async ({ b, writeFile }) => ({
          customer: b.code,
          conso: b.consoCode,
          template: await writeFile('flex.xlsx', await flexTemplate()),
          bindings: [plBinding(['FR1', 'US1'])],
        }),
      },
      {
        name: "a company of a binding named by B's id",
        params: async ({ a, b, writeFile }) => ({
          conso: a.consoCode,
          template: await writeFile('flex.xlsx', await flexTemplate()),
          bindings: [plBinding(['FR1', b.companies.US1 as number])],
        }),
        expect: { refused: 'TENANT_MISMATCH' },
      },
      {
        name: "B's conso by id",
        params: async ({ b, writeFile }) => ({
          conso: b.consoId,
          template: await writeFile('flex.xlsx', await flexTemplate()),
          bindings: [plBinding(['FR1', 'US1'])],
        }),
        expect: { refused: 'TENANT_MISMATCH' },
      },
      {
        name: "an output file of B's job as template",
        params: async ({ a, b }) => {
          const job = await jobs.finishedJobOf(b.code);
          return {
            conso: a.consoCode,
            template: { job: job.id, file: job.file },
            bindings: [plBinding(['FR1', 'US1'])],
          };
        },
        expect: { refused: 'TENANT_MISMATCH' },
      },
      {
        name: 'codes both customers use resolve to A',
        params: async ({ a, writeFile }) => ({
          conso: a.consoCode,
          template: await writeFile('flex.xlsx', await flexTemplate()),
          bindings: [plBinding(['FR1', 'US1'])],
        }),
        expect: 'confined',
      },
    ],
    'other.di-studio': [
      {
        ...customerParamNamesB,
        params: async ({ b, writeFile }) => ({
          customer: b.code,
          profile: 'COMPANIES',
          source: { kind: 'file', file: await writeFile('di.csv', 'code,name,currency\nX1,X,EUR\n') },
        }),
      },
      {
        name: "an output file of B's job as source",
        params: async ({ b }) => {
          const job = await jobs.finishedJobOf(b.code);
          return { profile: 'COMPANIES', source: { kind: 'job', job: job.id, file: job.file } };
        },
        expect: { refused: 'TENANT_MISMATCH' },
      },
      {
        name: "a connection reserved for B (the host's connections include CROSS_TENANT_CONNECTION as bravo)",
        params: () => ({
          profile: 'COMPANIES',
          source: { kind: 'sql', connection: 'bravo', query: 'select 1' },
        }),
        expect: { refused: 'TENANT_MISMATCH' },
      },
      {
        name: 'a profile code both customers could use resolves to A',
        params: async ({ writeFile }) => ({
          profile: 'COMPANIES',
          source: { kind: 'file', file: await writeFile('di.csv', 'code,name,currency\nX1,X,EUR\n') },
        }),
        expect: 'confined',
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

import { type CrossTenantCases, customerParamNamesB } from '@hangar/conso-db/testing';
import { BACKUP_JOB_TYPE } from '../jobs/backup-job.js';
import { OWNERSHIP_JOB_TYPE } from '../jobs/calculate-indirect-percentages-job.js';
import { CONSO_ACTION_JOB_TYPE } from '../jobs/conso-action-job.js';
import { INTEGRATION_JOB_TYPE } from '../jobs/consolidation-integration-job.js';
import { COPY_CONSO_JOB_TYPE } from '../jobs/copy-conso-job.js';
import { COPY_STRUCTURE_JOB_TYPE } from '../jobs/copy-structure-job.js';
import { COPY_SUB_GROUP_JOB_TYPE } from '../jobs/copy-sub-group-job.js';
import { CUSTOM_PROCEDURE_JOB_TYPE } from '../jobs/custom-procedure-job.js';
import { DELETE_CONSO_JOB_TYPE } from '../jobs/delete-conso-job.js';
import { DELETE_CUSTOMER_JOB_TYPE } from '../jobs/delete-customer-job.js';
import { PROCESS_MANAGEMENT_JOB_TYPE } from '../jobs/process-management-job.js';
import { RESTORE_JOB_TYPE } from '../jobs/restore-job.js';
import { SYSTEM_LOGS_JOB_TYPE } from '../jobs/system-logs-job.js';
import { WORKFLOW_JOB_TYPE } from '../jobs/workflow-job.js';
import { backupCrossTenantCases } from './backup-cross-tenant-cases.js';
import { deletionCrossTenantCases } from './deletion-cross-tenant-cases.js';

/**
 * Customer A's consolidation jobs aimed at customer B's data, for the cross-tenant suite: B's
 * code in the `customer` param and B's ids are refused; the shared codes resolve to A's rows.
 */
export const consoCrossTenantCases: CrossTenantCases = {
  [PROCESS_MANAGEMENT_JOB_TYPE]: [
    { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code, conso: b.consoCode }) },
    {
      name: "a conso named by B's id",
      params: ({ b }) => ({ conso: b.consoId }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "the conso code both customers use: A's board, steps and reminders only",
      params: ({ a }) => ({
        conso: a.consoCode,
        deadlines: { submitted: '2020-01-01', validated: '2020-01-02', consolidated: '2020-01-03' },
      }),
      expect: 'confined',
    },
  ],
  [INTEGRATION_JOB_TYPE]: [
    {
      ...customerParamNamesB,
      params: ({ b }) => ({ customer: b.code, consos: [b.consoCode] }),
    },
    {
      name: "a conso named by B's id",
      params: ({ b }) => ({ consos: [b.consoId] }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "a company named by B's id",
      params: ({ a, b }) => ({ consos: [a.consoCode], companies: [b.companies.FR1] }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: 'codes both customers use resolve to A',
      params: ({ a }) => ({ consos: [a.consoCode], companies: ['HOLD', 'FR1'] }),
      expect: 'confined',
    },
    {
      name: "B's conso by id with onLocked fail-job is refused before any lock check",
      params: ({ a, b }) => ({ consos: [a.consoCode, b.consoId], onLocked: 'fail-job' }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "a screen, a statement limit and fail-job on shared codes stay in A's log and data",
      params: ({ a }) => ({
        consos: [a.consoCode],
        screen: 'ConsoIntegrationScreen',
        statementTimeoutMs: 60_000,
        onLocked: 'fail-job',
      }),
      expect: 'confined',
    },
  ],
  [CONSO_ACTION_JOB_TYPE]: [
    {
      ...customerParamNamesB,
      params: ({ b }) => ({ customer: b.code, conso: b.consoCode, action: 'lock' }),
    },
    {
      name: "lock B's conso by id",
      params: ({ b }) => ({ conso: b.consoId, action: 'lock' }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "clear A's conso for a company named by B's id",
      params: ({ a, b }) => ({ conso: a.consoCode, action: 'clear', companies: [b.companies.US1] }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: 'clear by codes both customers use',
      params: ({ a }) => ({ conso: a.consoCode, action: 'clear', companies: ['US1'] }),
      expect: 'confined',
    },
  ],
  [OWNERSHIP_JOB_TYPE]: [
    { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code, conso: b.consoCode }) },
    {
      name: "a conso named by B's id",
      params: ({ b }) => ({ conso: b.consoId }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: 'a conso code both customers use',
      params: ({ a }) => ({ conso: a.consoCode }),
      expect: 'confined',
    },
  ],
  // Confined deletions delete what their case made, never the fixture the other cases share.
  [DELETE_CONSO_JOB_TYPE]: deletionCrossTenantCases.conso,
  [DELETE_CUSTOMER_JOB_TYPE]: deletionCrossTenantCases.customer,
  [COPY_CONSO_JOB_TYPE]: [
    { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code, conso: b.consoCode, code: 'COPY1' }) },
    {
      name: "B's conso by id as the source",
      params: ({ b }) => ({ conso: b.consoId, code: 'COPY2' }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: 'codes both customers use resolve to A',
      params: ({ a }) => ({
        conso: a.consoCode,
        code: 'COPY4',
        period: a.periodCode,
        category: a.categoryCode,
      }),
      expect: 'confined',
    },
  ],
  [BACKUP_JOB_TYPE]: backupCrossTenantCases,
  // A restore is the system's: a customer's run is refused before it reads anything.
  [RESTORE_JOB_TYPE]: [
    {
      name: 'a customer restores the whole database',
      params: () => ({ backup: 'any' }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
    {
      name: 'a customer restores its own archive, replacing',
      params: () => ({ backup: 'alpha-own', replace: true }),
      expect: { refused: 'SYSTEM_JOB_REQUIRED' },
    },
  ],
  // The fixture registers no procedure: B's code is refused by the customer param, and a code is
  // looked up in A only (not found), never in B.
  [CUSTOM_PROCEDURE_JOB_TYPE]: [
    { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code, procedure: 'ANY' }) },
    {
      name: 'a procedure code is looked up in A only',
      params: () => ({ procedure: 'ANY' }),
      expect: { refused: 'SCOPE_NOT_FOUND' },
    },
  ],
  // The suite's host configures no export directory: a confined run fails after the tenant check.
  [SYSTEM_LOGS_JOB_TYPE]: [
    { ...customerParamNamesB, params: ({ b }) => ({ customer: b.code }) },
    {
      name: "B's customer id",
      params: ({ b }) => ({ customer: b.customerId }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: 'purge with no customer named stays in A',
      params: () => ({ retentionDays: 1 }),
      expect: 'confined',
    },
  ],
  [COPY_STRUCTURE_JOB_TYPE]: [
    {
      name: "B's code as the target customer",
      params: ({ b }) => ({ targetCustomer: b.code }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "B's id as the target customer",
      params: ({ b }) => ({ targetCustomer: b.customerId, onConflict: 'skip' }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    { ...customerParamNamesB, params: ({ a, b }) => ({ customer: b.code, targetCustomer: a.code }) },
    {
      name: 'A into itself copies nothing new',
      params: ({ a }) => ({ targetCustomer: a.code, onConflict: 'skip' }),
      expect: 'confined',
    },
  ],
  [COPY_SUB_GROUP_JOB_TYPE]: [
    {
      ...customerParamNamesB,
      params: ({ b }) => ({
        customer: b.code,
        conso: b.consoCode,
        company: 'HOLD',
        targetConso: b.consoCode,
      }),
    },
    {
      name: "into B's conso by id",
      params: ({ a, b }) => ({ conso: a.consoCode, company: 'HOLD', targetConso: b.consoId }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "B's company by id as the top of the sub-group",
      params: ({ a, b }) => ({ conso: a.consoCode, company: b.companies.HOLD, targetConso: a.consoCode }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: 'codes both customers use resolve to A (into itself: a conflict)',
      params: ({ a }) => ({ conso: a.consoCode, company: 'HOLD', targetConso: a.consoCode }),
      expect: 'confined',
    },
  ],
  [WORKFLOW_JOB_TYPE]: [
    {
      name: "a step naming B's customer is refused before any step is enqueued",
      params: ({ a, b }) => ({
        name: 'month-end',
        steps: [
          { id: 'mine', type: OWNERSHIP_JOB_TYPE, params: { conso: a.consoCode } },
          {
            id: 'theirs',
            type: OWNERSHIP_JOB_TYPE,
            params: { customer: b.code, conso: b.consoCode },
            after: ['mine'],
          },
        ],
      }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: "a step naming B's conso by id fails in the step, under A",
      params: ({ b }) => ({
        name: 'month-end',
        steps: [{ id: 'ownership', type: OWNERSHIP_JOB_TYPE, params: { conso: b.consoId } }],
      }),
      expect: { refused: 'TENANT_MISMATCH' },
    },
    {
      name: 'steps on codes both customers use run on A',
      params: ({ a }) => ({
        name: 'month-end',
        steps: [
          { id: 'ownership', type: OWNERSHIP_JOB_TYPE, params: { conso: a.consoCode } },
          {
            id: 'integration',
            type: INTEGRATION_JOB_TYPE,
            params: { consos: [a.consoCode] },
            after: ['ownership'],
          },
        ],
      }),
      expect: 'confined',
    },
  ],
};

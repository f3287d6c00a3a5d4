export {
  type CrossTenantCase,
  type CrossTenantCaseSetup,
  type CrossTenantCases,
  type CrossTenantContext,
  type CrossTenantExpectation,
  type CrossTenantHost,
  customerParamNamesB,
} from './cross-tenant-case.js';
export { checkCrossTenantCase, coverageGaps } from './cross-tenant-check.js';
export {
  type CrossTenantBackend,
  type CrossTenantSuiteOptions,
  crossTenantSuite,
} from './cross-tenant-suite.js';
export { OWNER_COLUMNS, tenantDataFingerprint } from './tenant-fingerprint.js';
export {
  type FixtureTenant,
  loadTwoTenantFixture,
  TWO_TENANT_CODES,
  type TwoTenantFixture,
} from './two-tenant-fixture.js';

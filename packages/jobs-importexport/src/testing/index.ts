// Test support of @hangar/jobs-importexport: `@hangar/jobs-importexport/testing`.
export { importExportCrossTenantCases } from './cross-tenant-cases.js';
export { openTestDb, type TestBackend, type TestDb, testBackends } from './test-databases.js';

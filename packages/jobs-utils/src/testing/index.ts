// Test support of @hangar/jobs-utils: `@hangar/jobs-utils/testing`.
export { utilsCrossTenantCases } from './cross-tenant-cases.js';

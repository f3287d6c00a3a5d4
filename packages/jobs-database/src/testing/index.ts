// Test support of @hangar/jobs-database: `@hangar/jobs-database/testing`.
export { consoCrossTenantCases } from './cross-tenant-cases.js';
export { portableTenantFingerprint } from './portable-fingerprint.js';

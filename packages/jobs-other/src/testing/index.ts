// Test support of @hangar/jobs-other: `@hangar/jobs-other/testing`.
export { type ForeignJobSource, otherCrossTenantCases } from './cross-tenant-cases.js';

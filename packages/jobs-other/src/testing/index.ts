// Test support of @hangar/jobs-other: `@hangar/jobs-other/testing`.
export {
  CROSS_TENANT_CONNECTION,
  CROSS_TENANT_ENDPOINT,
  type ForeignJobSource,
  otherCrossTenantCases,
} from './cross-tenant-cases.js';

// Test support of @hangar/conso-db, for the job packs' tests: `@hangar/conso-db/testing`.
export * from './cross-tenant/index.js';
export { RecordingDialect, type RecordingResponder } from './recording-dialect.js';
export { openAsRestrictedRole, type RestrictedRole } from './restricted-role.js';
export {
  type IdOf,
  ROUND_TRIP_ORDER,
  ROUND_TRIP_ROWS,
  type RoundTripFixtures,
} from './round-trip-fixtures.js';

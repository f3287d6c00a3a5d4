import type { ConsoRow } from '@hangar/conso-db';

/** A conso row as the jobs use it (a `ScopedConso` of the tenant scope is one too). */
export type ConsoRecord = ConsoRow<'consos'>;

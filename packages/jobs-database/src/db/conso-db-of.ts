import { type ConsoDb, consoDbToken } from '@hangar/conso-db';
import type { ServiceResolver } from '@hangar/core';

/** The open consolidation database the runner (or an embedded host) provides to the jobs. */
export function consoDbOf(services: ServiceResolver): ConsoDb {
  return services.get(consoDbToken);
}
